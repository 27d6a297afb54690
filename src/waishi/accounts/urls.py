from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("accounts/login/", views.sign_in, name="login"),
    path("accounts/logout/", views.sign_out, name="logout"),
    path("accounts/password/", views.password_change, name="password_change"),
    path("home/", views.home, name="home"),
    path("workspace/", views.workspace, name="workspace"),
    path("office/", views.office, name="office"),
    path("security/", views.security, name="security"),
    path("security/unlock/<int:user_id>/", views.unlock, name="unlock"),
]
