from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

EDITORS_GROUP = "Editors"
MODERATORS_GROUP = "Moderators"
COMMISSIONERS_GROUP = "Commissioners"
PEER_REVIEWERS_GROUP = "Peer reviewers"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Anyone with an account: people using support, providers, PAs, editors, reviewers, commissioners.

    Roles are Django groups (see the *_GROUP names above) so that editors can manage them in the Wagtail admin.
    """

    username = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Raised by "sign out everywhere": part of the hash every session keeps, so each session made before it ends.
    session_version = models.PositiveIntegerField(_("session version"), default=0, db_default=0, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_case_insensitive")]

    def __str__(self):
        return self.display_name or self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)

    def get_session_auth_hash(self):
        if not self.session_version:  # sessions made before the field existed stay valid
            return super().get_session_auth_hash()
        return self._versioned_session_hash(settings.SECRET_KEY)

    def get_session_auth_fallback_hash(self):
        if not self.session_version:
            yield from super().get_session_auth_fallback_hash()
            return
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._versioned_session_hash(secret)

    def _versioned_session_hash(self, secret):
        text = f"{self.password}:{self.session_version}"
        return salted_hmac("marketplace.core.User.session", text, secret=secret, algorithm="sha256").hexdigest()

    def end_all_sessions(self):
        """Every session of this person, on every device, ends at its next request (any session backend)."""
        type(self).objects.filter(pk=self.pk).update(session_version=models.F("session_version") + 1)
        self.refresh_from_db(fields=["session_version"])

    def in_group(self, name):
        return self.groups.filter(name=name).exists()

    @property
    def can_access_admin(self):
        return self.is_active and (self.is_superuser or self.has_perm("wagtailadmin.access_admin"))


class StatusChange(models.Model):
    """One status change of anything that has a workflow (`marketplace.core.workflow`): who, when, from, to, why."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    workflow = models.CharField(max_length=40)
    transition = models.CharField(max_length=40)
    from_status = models.CharField(max_length=40)
    to_status = models.CharField(max_length=40)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reason = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.workflow}: {self.from_status} → {self.to_status}"


class EmailChoice(models.Model):
    """Whether someone wants one kind of email about their own account's activity (on unless they turn it off).

    The kinds (topics) are registered by the apps that send them: `marketplace.core.email_choices`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_choices")
    topic = models.CharField(max_length=30)
    send = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_email_choice_per_topic")]

    def __str__(self):
        return f"{self.topic} emails for {self.user_id}: {self.send}"
