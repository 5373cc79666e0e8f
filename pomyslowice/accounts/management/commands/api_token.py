from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from pomyslowice.accounts.models import User
from pomyslowice.accounts.tokens import create_api_token


class Command(BaseCommand):
    help = "Create a personal API token for the user with this e-mail address and print it once."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the user's e-mail address")
        parser.add_argument("--name", default="manage.py api_token", help="what the token is for")

    def handle(self, *args, email: str, name: str, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user has the e-mail address {email!r}.")
        if not user.is_active:
            raise CommandError(f"The account {user.email} is inactive; its tokens would not work.")
        try:
            token, secret = create_api_token(user=user, name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        # The secret alone on stdout, so that scripts can capture it; the rest goes to stderr.
        self.stderr.write(f"Token “{token.name}” for {user.email} (shown only once):")
        self.stdout.write(secret)
