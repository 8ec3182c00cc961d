"""The people who run the site, as auth groups: what each may do.

`apply_roles` is run by data migrations (core 0004 and any later one that changes
a role), so every environment gets the same groups and nobody sets them up by hand.
It only adds, apart from `REVOKED`: a permission granted by hand in the admin stays.

Page permissions are Wagtail's, on the tree: Editors and Moderators hold theirs on
the root (`PAGE_PERMISSIONS`), each "Translators (xx)" group on the top pages of
its own locale (see `grant_translators`), and each working group's coordinators on
that group's page (workgroups.domain.groups.ensure_coordinator_group).
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
MODERATORS = "Moderators"
REGISTRATION_MANAGERS = "Registration managers"
NEWSLETTER_SENDERS = "Newsletter senders"
#: The one workflow every page passes through before it goes live, in every locale:
#: everyone but the Moderators, who do the review, submits pages to it.
WORKFLOW = "Review and publish"
REVIEW_TASK = "Moderators review"

#: Snippets editors and moderators keep: the network's organisations, places, people.
CONTENT_SNIPPETS = [
    ("core", "region"),
    ("core", "organisation"),
    ("core", "person"),
    ("events", "venue"),
    ("events", "room"),
    ("events", "calendarsubscription"),
    ("core", "privacynotice"),
    ("core", "glossaryterm"),
]


def _crud(app_label, model):
    return [(app_label, f"{action}_{model}") for action in ("add", "change", "delete", "view")]


def _content_permissions():
    permissions = [("wagtailadmin", "access_admin")]
    for app_label, model in CONTENT_SNIPPETS:
        permissions += _crud(app_label, model)
    # Editors decide on requests to join a working group, as its coordinators do.
    permissions += [("workgroups", "view_membership"), ("workgroups", "change_membership")]
    return permissions


#: Taken away from what Wagtail's and wagtail-localize's own migrations grant.
REVOKED = {
    # Its "Sync translated pages" rewrites every translation from the source, over
    # the translators' work; drafts in each locale are made on publish instead.
    EDITORS: [("wagtail_localize", "submit_translation")],
    MODERATORS: [("wagtail_localize", "submit_translation")],
}


def translators_group(language_code):
    return f"Translators ({language_code})"


def roles():
    """Group name -> (app_label, codename) permissions, for every role."""
    table = {
        EDITORS: _content_permissions(),
        MODERATORS: _content_permissions(),
        # Nobody else gets registrations, so other editors never see delegates' data.
        REGISTRATION_MANAGERS: [
            ("wagtailadmin", "access_admin"),
            ("events", "view_registration"),
            ("events", "change_registration"),
            ("events", "view_booking"),
            ("events", "change_booking"),
        ],
        # Nobody else sees readers' addresses.
        NEWSLETTER_SENDERS: [
            ("wagtailadmin", "access_admin"),
            ("newsletter", "send_issue"),
            ("newsletter", "view_dispatch"),
            ("newsletter", "view_subscriber"),
            ("newsletter", "change_subscriber"),
            ("newsletter", "add_topic"),
            ("newsletter", "change_topic"),
            ("newsletter", "view_topic"),
        ],
    }
    for code in translated_languages():
        table[translators_group(code)] = [("wagtailadmin", "access_admin")]
    return table


def translated_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != "en"]


def _permission(apps, app_label, codename, *, role):
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    model = codename.partition("_")[2]
    if found is None and model and not _has_model(apps, app_label, model):
        # A model that moved app (the privacy notice, from events to core) is still in
        # its old app when an earlier migration runs this: its permission row moves
        # with its content type later.
        found = Permission.objects.filter(content_type__model=model, codename=codename).first()
    if found is None:
        raise LookupError(f"{role}: no permission {app_label}.{codename}")
    return found


def _has_model(apps, app_label, model):
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True


def apply_roles(apps):
    """Create every group with its permissions, and the site-wide review workflow."""
    # Permissions are normally made after all migrations; make them now so the
    # groups can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        # A migration's app registry has no models modules; create_permissions wants one.
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in roles().items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(_permission(apps, app_label, codename, role=name))
    for name, unwanted in REVOKED.items():
        group = Group.objects.get(name=name)
        for app_label, codename in unwanted:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )
    _tree_permissions(apps)
    _review_workflow(apps)
    Page = apps.get_model("wagtailcore", "Page")
    for home in Page.objects.filter(depth=2).select_related("locale"):
        grant_translators(home, apps=apps)


#: On the root page, so in every locale. Wagtail's initial data grants the same; they
#: are stated here so the roles do not depend on it. Only the Moderators publish: they
#: are the review step, so their own pages need nobody else's approval.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
#: On each working group's page, for its coordinators (workgroups.domain.groups): no
#: publish, so a group's public pages go live only once a moderator has reviewed them.
COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
#: On the root collection: images and documents, for both.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", codename) for codename in ("add_image", "change_image", "choose_image")
] + [
    ("wagtaildocs", codename) for codename in ("add_document", "change_document", "choose_document")
]


def _tree_permissions(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Page.objects.filter(depth=1).first()
    collection = Collection.objects.filter(depth=1).first()
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for codename in codenames if root else ():
            permission = _permission(apps, "wagtailcore", codename, role=name)
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        for app_label, codename in COLLECTION_PERMISSIONS if collection else ():
            permission = _permission(apps, app_label, codename, role=name)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def _review_workflow(apps):
    """One workflow on the root page: a moderator approves before anything goes live.

    Wagtail's initial data made "Moderators approval" on the root; it is renamed,
    so pages already in review stay in it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    attached = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    workflow = attached.workflow if attached else Workflow.objects.create(name=WORKFLOW)
    workflow.name, workflow.active = WORKFLOW, True
    workflow.save()
    if not attached:
        WorkflowPage.objects.create(page=root, workflow=workflow)

    steps = WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True)
    task = GroupApprovalTask.objects.filter(pk__in=list(steps)).order_by("pk").first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=REVIEW_TASK, content_type=content_type, active=True
        )
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=len(steps))
    else:
        task.name = REVIEW_TASK
        task.save()
    # Added to: groups an administrator put on the task stay on it.
    task.groups.add(Group.objects.get(name=MODERATORS))


def grant_translators(home, apps=None):
    """Translators of a locale may edit the pages of that locale, and no others.

    Called for each top-level page: by the migration for those that exist, and by a
    signal (core.apps) when a locale's home page is made."""
    if apps is None:
        # A migration passes its historical registry; a signal uses the live one.
        from django.apps import apps
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Locale = apps.get_model("wagtailcore", "Locale")

    code = Locale.objects.get(pk=home.locale_id).language_code
    group = Group.objects.filter(name=translators_group(code)).first()
    if group is None:  # the source language has no translators
        return
    change = _permission(apps, "wagtailcore", "change_page", role=group.name)
    GroupPagePermission.objects.get_or_create(group=group, page_id=home.pk, permission=change)
