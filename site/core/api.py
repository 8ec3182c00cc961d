"""The Wagtail API v2 at /api/v2/. Later apps expose their fields through api_fields."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core import extensions

#: Far past any row; past 2**63 SQLite and PostgreSQL refuse the query (it was a 500).
MAX_OFFSET = 2**31 - 1


class Pagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_far = False  # Wagtail's own check words that error
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = Pagination

    def get_base_queryset(self):
        # A newsletter issue is published before it is sent, and public only once sent.
        return extensions.listed(super().get_base_queryset())


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    pagination_class = Pagination


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    pagination_class = Pagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
