from django.urls import path

from .views import bookings, cover, feeds, offers, visits

app_name = "bookings"

urlpatterns = [
    path("", bookings.mine, name="mine"),
    path("<int:pk>/", bookings.detail, name="detail"),
    path("<int:pk>/accept/", offers.accept, name="accept"),
    path("<int:pk>/decline/", offers.decline, name="decline"),
    path("<int:pk>/change/", offers.request_change, name="request_change"),
    path("<int:pk>/withdraw/", offers.withdraw, name="withdraw"),
    path("<int:pk>/cancel/", bookings.cancel, name="cancel"),
    path("<int:pk>/cover/", cover.ask, name="cover_ask"),
    path("offer/<int:enquiry_pk>/", offers.make, name="offer"),
    path("supplier/<int:pk>/", bookings.supplier_bookings, name="supplier"),
    path("visits/<int:pk>/", visits.visit_page, name="visit"),
    path("visits/<int:pk>/confirm/", visits.confirm, name="visit_confirm"),
    path("visits/<int:pk>/correct/", visits.correct, name="visit_correct"),
    path("visits/<int:pk>/approve/", visits.approve, name="visit_approve"),
    path("visits/<int:pk>/dispute/", visits.dispute, name="visit_dispute"),
    path("visits/<int:pk>/withdraw/", visits.respond, {"action": "withdraw"}, name="visit_withdraw"),
    path("visits/<int:pk>/refer/", visits.respond, {"action": "refer"}, name="visit_refer"),
    path("visits/<int:pk>/cancel/", visits.cancel, name="visit_cancel"),
    path("cover/<int:pk>/", cover.detail, name="cover"),
    path("cover/<int:pk>/cancel/", cover.cancel, name="cover_cancel"),
    path("cover/invitations/<int:pk>/", cover.invitation, name="cover_invitation"),
    path("cover/invitations/<int:pk>/take/", cover.take, name="cover_take"),
    path("calendar/", feeds.calendar, name="calendar"),
    path("calendar/renew/", feeds.renew, name="calendar_renew"),
    path("calendar/revoke/", feeds.revoke, name="calendar_revoke"),
    path("calendar/<str:token>.ics", feeds.feed, name="feed"),
]
