from django.urls import path

from . import factor_views, views

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
    path("security/reset-factors/", factor_views.reset_factors, name="reset_factors"),
    path("accounts/factors/", factor_views.factors, name="factors"),
    path("accounts/second-factor/", factor_views.second_factor, name="second_factor"),
    path("accounts/second-factor/enrol/", factor_views.enrol_totp, name="enrol_totp"),
    path(
        "accounts/second-factor/recovery-codes/",
        factor_views.recovery_codes,
        name="recovery_codes",
    ),
    path(
        "accounts/second-factor/passkey/register-options/",
        factor_views.passkey_register_options,
        name="passkey_register_options",
    ),
    path(
        "accounts/second-factor/passkey/register/",
        factor_views.passkey_register,
        name="passkey_register",
    ),
    path(
        "accounts/second-factor/passkey/sign-in-options/",
        factor_views.passkey_sign_in_options,
        name="passkey_sign_in_options",
    ),
    path(
        "accounts/second-factor/passkey/sign-in/",
        factor_views.passkey_sign_in,
        name="passkey_sign_in",
    ),
]
