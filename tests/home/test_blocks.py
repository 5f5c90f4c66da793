import pytest
from django.core.exceptions import ValidationError

from home.blocks import CallToActionBlock, ImageBlock, LinkBlock

pytestmark = pytest.mark.django_db


def test_image_block_requires_alternative_text():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Shelter", file=get_test_image_file())
    block = ImageBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "   ", "caption": ""}))
    assert "required" in str(error.value.block_errors["alt_text"])
    cleaned = block.clean(
        block.to_python({"image": image.pk, "alt_text": "A shelter entrance", "caption": ""})
    )
    assert cleaned["alt_text"] == "A shelter entrance"


@pytest.mark.parametrize(
    "value",
    [{"page": None, "url": ""}, {"page": "PAGE", "url": "https://example.org/"}],
)
def test_link_block_wants_exactly_one_target(home, value):
    block = LinkBlock()
    if value["page"] == "PAGE":
        value = {**value, "page": home.pk}
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    assert "one of the two" in str(error.value.block_errors["page"])


def test_call_to_action_renders_a_link_to_the_chosen_page(home):
    block = CallToActionBlock()
    value = block.to_python(
        {
            "heading": "Need help?",
            "text": "",
            "link": {"page": home.pk, "url": ""},
            "button_label": "Get help",
        }
    )
    html = block.render(value)
    assert '<a class="button" href="/en/">Get help</a>' in html


def test_no_embed_block_is_offered():
    from home.blocks import BaseStreamBlock, HomeStreamBlock

    for stream in (BaseStreamBlock(), HomeStreamBlock()):
        assert "embed" not in stream.child_blocks
