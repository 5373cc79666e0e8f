import re

import pytest

LINK = re.compile(r"https?://\S+")


def links_in(message) -> list[str]:
    return LINK.findall(message.body)


@pytest.fixture
def resident(users):
    return users["resident"]


@pytest.fixture
def resident_client(client_for):
    return client_for("resident")
