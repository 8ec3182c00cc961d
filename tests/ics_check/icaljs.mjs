// The events of each iCalendar file as Mozilla Thunderbird's parser (ical.js) reads them,
// as JSON on stdout, in the shape tests/ics_check/readers.py gives for the Python parsers.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const OCCURRENCES = Number(process.env.ICS_CHECK_OCCURRENCES || 50);

function instant(time) {
  if (time.isDate) return time.toString();
  if (time.zone === ICAL.Timezone.localTimezone) return "floating:" + time.toString();
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
}

function text(component, name) {
  const value = component.getFirstPropertyValue(name);
  return value === null ? null : String(value);
}

function read(path) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  // The file's own VTIMEZONEs, as Thunderbird uses them, not a built-in table.
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  return root.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const hasEnd = vevent.hasProperty("dtend") || vevent.hasProperty("duration");
    const recurrenceId = vevent.getFirstPropertyValue("recurrence-id");
    const occurrences = [];
    if (vevent.hasProperty("rrule") || vevent.hasProperty("rdate")) {
      const iterator = event.iterator();
      for (let next = iterator.next(); next && occurrences.length < OCCURRENCES; next = iterator.next()) {
        occurrences.push(instant(next));
      }
    }
    return {
      uid: text(vevent, "uid"),
      recurrence_id: recurrenceId ? instant(recurrenceId) : null,
      start: instant(event.startDate),
      end: hasEnd ? instant(event.endDate) : null,
      summary: text(vevent, "summary"),
      location: text(vevent, "location"),
      description: text(vevent, "description"),
      occurrences,
    };
  });
}

const result = {};
for (const path of process.argv.slice(2)) {
  try {
    result[path] = { events: read(path) };
  } catch (error) {
    result[path] = { error: String(error && error.message ? error.message : error) };
  }
}
process.stdout.write(JSON.stringify(result));
