"""The pack schema as Python code, made from the shipped schema by scripts/make_quick_check.py:
do not edit; a test says when it needs making again."""
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
import re


class Refused(ValueError):
    """The pack does not match the schema (jsonschema then says where and why)."""


class JsonSchemaValueException(Refused):
    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)


class JsonSchemaValuesException(Refused):
    def __init__(self, errors):
        super().__init__("; ".join(str(error) for error in errors))



REGEX_PATTERNS = {
    '^\\S+$': re.compile('^\\S+\\Z'),
    '^#[0-9A-Fa-f]{6}$': re.compile('^#[0-9A-Fa-f]{6}\\Z'),
    '^https?://': re.compile('^https?://')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['briefing_pack', 'title', 'sections']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "briefing_pack" in data_keys:
            data_keys.remove("briefing_pack")
            data__briefingpack = data["briefing_pack"]
            if not isinstance(data__briefingpack, (int)) and not (isinstance(data__briefingpack, float) and data__briefingpack.is_integer()) or isinstance(data__briefingpack, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".briefing_pack must be integer")
            if not (isinstance(data__briefingpack, (int, float)) and not isinstance(data__briefingpack, bool) and data__briefingpack == 1):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".briefing_pack must be one of [1]")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be longer than or equal to 1 characters")
        if "short_title" in data_keys:
            data_keys.remove("short_title")
            data__shorttitle = data["short_title"]
            if not isinstance(data__shorttitle, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".short_title must be string")
            if isinstance(data__shorttitle, str):
                data__shorttitle_len = len(data__shorttitle)
                if data__shorttitle_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".short_title must be longer than or equal to 1 characters")
        if "subtitle" in data_keys:
            data_keys.remove("subtitle")
            data__subtitle = data["subtitle"]
            if not isinstance(data__subtitle, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".subtitle must be string")
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not isinstance(data__kind, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be string")
            if not (isinstance(data__kind, str) and data__kind == 'member-briefing' or isinstance(data__kind, str) and data__kind == 'event-handout'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['member-briefing', 'event-handout']")
        else: data["kind"] = 'member-briefing'
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            if not isinstance(data__date, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be string")
            if isinstance(data__date, str):
                if not custom_formats["date"](data__date):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be date")
        if "organisation" in data_keys:
            data_keys.remove("organisation")
            data__organisation = data["organisation"]
            if not isinstance(data__organisation, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".organisation must be string")
        if "prepared_by" in data_keys:
            data_keys.remove("prepared_by")
            data__preparedby = data["prepared_by"]
            if not isinstance(data__preparedby, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".prepared_by must be string")
        if "contact" in data_keys:
            data_keys.remove("contact")
            data__contact = data["contact"]
            validate____defs_contact(data__contact, custom_formats, (name_prefix or "data") + ".contact")
        if "classification" in data_keys:
            data_keys.remove("classification")
            data__classification = data["classification"]
            if not isinstance(data__classification, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".classification must be string")
            if not (isinstance(data__classification, str) and data__classification == 'OFFICIAL' or isinstance(data__classification, str) and data__classification == 'OFFICIAL-SENSITIVE' or isinstance(data__classification, str) and data__classification == 'none'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".classification must be one of ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'none']")
        else: data["classification"] = 'none'
        if "draft" in data_keys:
            data_keys.remove("draft")
            data__draft = data["draft"]
            if not isinstance(data__draft, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".draft must be boolean")
        else: data["draft"] = False
        if "layout" in data_keys:
            data_keys.remove("layout")
            data__layout = data["layout"]
            validate____defs_layout(data__layout, custom_formats, (name_prefix or "data") + ".layout")
        if "budget" in data_keys:
            data_keys.remove("budget")
            data__budget = data["budget"]
            validate____defs_budget(data__budget, custom_formats, (name_prefix or "data") + ".budget")
        if "intro" in data_keys:
            data_keys.remove("intro")
            data__intro = data["intro"]
            if not isinstance(data__intro, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".intro must be string")
        if "key_messages" in data_keys:
            data_keys.remove("key_messages")
            data__keymessages = data["key_messages"]
            if not isinstance(data__keymessages, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".key_messages must be array")
            data__keymessages_is_list = isinstance(data__keymessages, (list, tuple))
            if data__keymessages_is_list:
                data__keymessages_len = len(data__keymessages)
                for data__keymessages_x, data__keymessages_item in enumerate(data__keymessages):
                    if not isinstance(data__keymessages_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".key_messages[{data__keymessages_x}]".format(**locals()) + " must be string")
                    if isinstance(data__keymessages_item, str):
                        data__keymessages_item_len = len(data__keymessages_item)
                        if data__keymessages_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".key_messages[{data__keymessages_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "event" in data_keys:
            data_keys.remove("event")
            data__event = data["event"]
            validate____defs_event(data__event, custom_formats, (name_prefix or "data") + ".event")
        if "exempt_schedule" in data_keys:
            data_keys.remove("exempt_schedule")
            data__exemptschedule = data["exempt_schedule"]
            if not isinstance(data__exemptschedule, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".exempt_schedule must be string")
            if not (isinstance(data__exemptschedule, str) and data__exemptschedule == '12A' or isinstance(data__exemptschedule, str) and data__exemptschedule == '7A'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".exempt_schedule must be one of ['12A', '7A']")
        else: data["exempt_schedule"] = '12A'
        if "audiences" in data_keys:
            data_keys.remove("audiences")
            data__audiences = data["audiences"]
            if not isinstance(data__audiences, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".audiences must be object")
            data__audiences_is_dict = isinstance(data__audiences, dict)
            if data__audiences_is_dict:
                data__audiences_keys = set(data__audiences.keys())
                for data__audiences_key in data__audiences_keys:
                    if data__audiences_key not in []:
                        data__audiences_value = data__audiences.get(data__audiences_key)
                        validate____defs_audience(data__audiences_value, custom_formats, (name_prefix or "data") + ".audiences.{data__audiences_key}".format(**locals()))
                data__audiences_len = len(data__audiences)
                if data__audiences_len != 0:
                    data__audiences_property_names = True
                    for data__audiences_key in data__audiences:
                        try:
                            if not isinstance(data__audiences_key, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".audiences must be string")
                            if isinstance(data__audiences_key, str):
                                data__audiences_key_len = len(data__audiences_key)
                                if data__audiences_key_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".audiences must be longer than or equal to 1 characters")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__audiences_property_names = False
                    if not data__audiences_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".audiences must be named by propertyName definition")
        if "sections" in data_keys:
            data_keys.remove("sections")
            data__sections = data["sections"]
            if not isinstance(data__sections, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must be array")
            data__sections_is_list = isinstance(data__sections, (list, tuple))
            if data__sections_is_list:
                data__sections_len = len(data__sections)
                if data__sections_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must contain at least 1 items")
                for data__sections_x, data__sections_item in enumerate(data__sections):
                    validate____defs_section(data__sections_item, custom_formats, (name_prefix or "data") + ".sections[{data__sections_x}]".format(**locals()))
        if "articles" in data_keys:
            data_keys.remove("articles")
            data__articles = data["articles"]
            if not isinstance(data__articles, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".articles must be object")
            data__articles_is_dict = isinstance(data__articles, dict)
            if data__articles_is_dict:
                data__articles_keys = set(data__articles.keys())
                for data__articles_key in data__articles_keys:
                    if data__articles_key not in []:
                        data__articles_value = data__articles.get(data__articles_key)
                        validate____defs_article(data__articles_value, custom_formats, (name_prefix or "data") + ".articles.{data__articles_key}".format(**locals()))
                data__articles_len = len(data__articles)
                if data__articles_len != 0:
                    data__articles_property_names = True
                    for data__articles_key in data__articles:
                        try:
                            if not isinstance(data__articles_key, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".articles must be string")
                            if isinstance(data__articles_key, str):
                                data__articles_key_len = len(data__articles_key)
                                if data__articles_key_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".articles must be longer than or equal to 1 characters")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__articles_property_names = False
                    if not data__articles_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".articles must be named by propertyName definition")
        if "themes" in data_keys:
            data_keys.remove("themes")
            data__themes = data["themes"]
            if not isinstance(data__themes, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".themes must be object")
            data__themes_is_dict = isinstance(data__themes, dict)
            if data__themes_is_dict:
                data__themes_keys = set(data__themes.keys())
                for data__themes_key in data__themes_keys:
                    if data__themes_key not in []:
                        data__themes_value = data__themes.get(data__themes_key)
                        validate____defs_theme(data__themes_value, custom_formats, (name_prefix or "data") + ".themes.{data__themes_key}".format(**locals()))
                data__themes_len = len(data__themes)
                if data__themes_len != 0:
                    data__themes_property_names = True
                    for data__themes_key in data__themes:
                        try:
                            if not isinstance(data__themes_key, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".themes must be string")
                            if isinstance(data__themes_key, str):
                                data__themes_key_len = len(data__themes_key)
                                if data__themes_key_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".themes must be longer than or equal to 1 characters")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__themes_property_names = False
                    if not data__themes_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".themes must be named by propertyName definition")
        if "ignore_words" in data_keys:
            data_keys.remove("ignore_words")
            data__ignorewords = data["ignore_words"]
            if not isinstance(data__ignorewords, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ignore_words must be array")
            data__ignorewords_is_list = isinstance(data__ignorewords, (list, tuple))
            if data__ignorewords_is_list:
                data__ignorewords_len = len(data__ignorewords)
                for data__ignorewords_x, data__ignorewords_item in enumerate(data__ignorewords):
                    if not isinstance(data__ignorewords_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".ignore_words[{data__ignorewords_x}]".format(**locals()) + " must be string")
                    if isinstance(data__ignorewords_item, str):
                        data__ignorewords_item_len = len(data__ignorewords_item)
                        if data__ignorewords_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".ignore_words[{data__ignorewords_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                        if not REGEX_PATTERNS['^\\S+$'].search(data__ignorewords_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".ignore_words[{data__ignorewords_x}]".format(**locals()) + " must match pattern ^\\S+$")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_theme(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['label']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "label" in data_keys:
            data_keys.remove("label")
            data__label = data["label"]
            if not isinstance(data__label, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".label must be string")
            if isinstance(data__label, str):
                data__label_len = len(data__label)
                if data__label_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".label must be longer than or equal to 1 characters")
        if "colour" in data_keys:
            data_keys.remove("colour")
            data__colour = data["colour"]
            if not isinstance(data__colour, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".colour must be string")
            if isinstance(data__colour, str):
                if not REGEX_PATTERNS['^#[0-9A-Fa-f]{6}$'].search(data__colour):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".colour must match pattern ^#[0-9A-Fa-f]{6}$")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_article(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['title']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be longer than or equal to 1 characters")
        if "authors" in data_keys:
            data_keys.remove("authors")
            data__authors = data["authors"]
            if not isinstance(data__authors, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors must be array")
            data__authors_is_list = isinstance(data__authors, (list, tuple))
            if data__authors_is_list:
                data__authors_len = len(data__authors)
                for data__authors_x, data__authors_item in enumerate(data__authors):
                    data__authors_item_one_of_count1 = 0
                    if data__authors_item_one_of_count1 < 2:
                        try:
                            if not isinstance(data__authors_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}]".format(**locals()) + " must be string")
                            if isinstance(data__authors_item, str):
                                data__authors_item_len = len(data__authors_item)
                                if data__authors_item_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                            data__authors_item_one_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__authors_item_one_of_count1 < 2:
                        try:
                            if not isinstance(data__authors_item, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}]".format(**locals()) + " must be object")
                            data__authors_item_is_dict = isinstance(data__authors_item, dict)
                            if data__authors_item_is_dict:
                                data__authors_item__missing_keys = set(['family']) - data__authors_item.keys()
                                if data__authors_item__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}]".format(**locals()) + " must contain ")
                                data__authors_item_keys = set(data__authors_item.keys())
                                if "family" in data__authors_item_keys:
                                    data__authors_item_keys.remove("family")
                                    data__authors_item__family = data__authors_item["family"]
                                    if not isinstance(data__authors_item__family, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}].family".format(**locals()) + " must be string")
                                    if isinstance(data__authors_item__family, str):
                                        data__authors_item__family_len = len(data__authors_item__family)
                                        if data__authors_item__family_len < 1:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}].family".format(**locals()) + " must be longer than or equal to 1 characters")
                                if "given" in data__authors_item_keys:
                                    data__authors_item_keys.remove("given")
                                    data__authors_item__given = data__authors_item["given"]
                                    if not isinstance(data__authors_item__given, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}].given".format(**locals()) + " must be string")
                                if data__authors_item_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}]".format(**locals()) + " must not contain "+str(data__authors_item_keys)+" properties")
                            data__authors_item_one_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__authors_item_one_of_count1 != 1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".authors[{data__authors_x}]".format(**locals()) + " must be valid exactly by one definition")
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            if not isinstance(data__source, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be string")
        if "published" in data_keys:
            data_keys.remove("published")
            data__published = data["published"]
            if not isinstance(data__published, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must be string")
            if isinstance(data__published, str):
                if not custom_formats["date"](data__published):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must be date")
        if "accessed" in data_keys:
            data_keys.remove("accessed")
            data__accessed = data["accessed"]
            if not isinstance(data__accessed, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".accessed must be string")
            if isinstance(data__accessed, str):
                if not custom_formats["date"](data__accessed):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".accessed must be date")
        if "url" in data_keys:
            data_keys.remove("url")
            data__url = data["url"]
            if not isinstance(data__url, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".url must be string")
            if isinstance(data__url, str):
                if not REGEX_PATTERNS['^https?://'].search(data__url):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".url must match pattern ^https?://")
        if "doi" in data_keys:
            data_keys.remove("doi")
            data__doi = data["doi"]
            if not isinstance(data__doi, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".doi must be string")
        if "reference" in data_keys:
            data_keys.remove("reference")
            data__reference = data["reference"]
            if not isinstance(data__reference, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reference must be string")
        if "themes" in data_keys:
            data_keys.remove("themes")
            data__themes = data["themes"]
            if not isinstance(data__themes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".themes must be array")
            data__themes_is_list = isinstance(data__themes, (list, tuple))
            if data__themes_is_list:
                data__themes_len = len(data__themes)
                for data__themes_x, data__themes_item in enumerate(data__themes):
                    if not isinstance(data__themes_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".themes[{data__themes_x}]".format(**locals()) + " must be string")
                    if isinstance(data__themes_item, str):
                        data__themes_item_len = len(data__themes_item)
                        if data__themes_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".themes[{data__themes_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "body" in data_keys:
            data_keys.remove("body")
            data__body = data["body"]
            if not isinstance(data__body, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".body must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_section(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['title']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be longer than or equal to 1 characters")
        if "exempt" in data_keys:
            data_keys.remove("exempt")
            data__exempt = data["exempt"]
            validate____defs_exemption(data__exempt, custom_formats, (name_prefix or "data") + ".exempt")
        if "theme" in data_keys:
            data_keys.remove("theme")
            data__theme = data["theme"]
            if not isinstance(data__theme, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".theme must be string")
        if "intro" in data_keys:
            data_keys.remove("intro")
            data__intro = data["intro"]
            if not isinstance(data__intro, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".intro must be string")
        if "items" in data_keys:
            data_keys.remove("items")
            data__items = data["items"]
            if not isinstance(data__items, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".items must be array")
            data__items_is_list = isinstance(data__items, (list, tuple))
            if data__items_is_list:
                data__items_len = len(data__items)
                for data__items_x, data__items_item in enumerate(data__items):
                    validate____defs_item(data__items_item, custom_formats, (name_prefix or "data") + ".items[{data__items_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_item(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['article']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "article" in data_keys:
            data_keys.remove("article")
            data__article = data["article"]
            if not isinstance(data__article, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".article must be string")
            if isinstance(data__article, str):
                data__article_len = len(data__article)
                if data__article_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".article must be longer than or equal to 1 characters")
        if "exempt" in data_keys:
            data_keys.remove("exempt")
            data__exempt = data["exempt"]
            validate____defs_exemption(data__exempt, custom_formats, (name_prefix or "data") + ".exempt")
        if "audiences" in data_keys:
            data_keys.remove("audiences")
            data__audiences = data["audiences"]
            if not isinstance(data__audiences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".audiences must be array")
            data__audiences_is_list = isinstance(data__audiences, (list, tuple))
            if data__audiences_is_list:
                data__audiences_len = len(data__audiences)
                for data__audiences_x, data__audiences_item in enumerate(data__audiences):
                    if not isinstance(data__audiences_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".audiences[{data__audiences_x}]".format(**locals()) + " must be string")
                    if isinstance(data__audiences_item, str):
                        data__audiences_item_len = len(data__audiences_item)
                        if data__audiences_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".audiences[{data__audiences_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "language" in data_keys:
            data_keys.remove("language")
            data__language = data["language"]
            if not isinstance(data__language, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".language must be string")
            if not (isinstance(data__language, str) and data__language == 'en' or isinstance(data__language, str) and data__language == 'cy'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".language must be one of ['en', 'cy']")
        if "summary" in data_keys:
            data_keys.remove("summary")
            data__summary = data["summary"]
            if not isinstance(data__summary, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be string")
        if "short_summary" in data_keys:
            data_keys.remove("short_summary")
            data__shortsummary = data["short_summary"]
            if not isinstance(data__shortsummary, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".short_summary must be string")
        if "implications" in data_keys:
            data_keys.remove("implications")
            data__implications = data["implications"]
            if not isinstance(data__implications, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".implications must be array")
            data__implications_is_list = isinstance(data__implications, (list, tuple))
            if data__implications_is_list:
                data__implications_len = len(data__implications)
                for data__implications_x, data__implications_item in enumerate(data__implications):
                    if not isinstance(data__implications_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".implications[{data__implications_x}]".format(**locals()) + " must be string")
        if "quotes" in data_keys:
            data_keys.remove("quotes")
            data__quotes = data["quotes"]
            if not isinstance(data__quotes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".quotes must be array")
            data__quotes_is_list = isinstance(data__quotes, (list, tuple))
            if data__quotes_is_list:
                data__quotes_len = len(data__quotes)
                for data__quotes_x, data__quotes_item in enumerate(data__quotes):
                    validate____defs_quote(data__quotes_item, custom_formats, (name_prefix or "data") + ".quotes[{data__quotes_x}]".format(**locals()))
        if "questions" in data_keys:
            data_keys.remove("questions")
            data__questions = data["questions"]
            if not isinstance(data__questions, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".questions must be array")
            data__questions_is_list = isinstance(data__questions, (list, tuple))
            if data__questions_is_list:
                data__questions_len = len(data__questions)
                for data__questions_x, data__questions_item in enumerate(data__questions):
                    if not isinstance(data__questions_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".questions[{data__questions_x}]".format(**locals()) + " must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_quote(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string")
            if isinstance(data__text, str):
                data__text_len = len(data__text)
                if data__text_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be longer than or equal to 1 characters")
        if "page" in data_keys:
            data_keys.remove("page")
            data__page = data["page"]
            if not isinstance(data__page, (int, str)) and not (isinstance(data__page, float) and data__page.is_integer()) or isinstance(data__page, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be integer or string")
        if "by" in data_keys:
            data_keys.remove("by")
            data__by = data["by"]
            if not isinstance(data__by, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_exemption(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['paragraph']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "paragraph" in data_keys:
            data_keys.remove("paragraph")
            data__paragraph = data["paragraph"]
            if not isinstance(data__paragraph, (int)) and not (isinstance(data__paragraph, float) and data__paragraph.is_integer()) or isinstance(data__paragraph, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraph must be integer")
            if isinstance(data__paragraph, (int, float, Decimal)) and not isinstance(data__paragraph, bool):
                if data__paragraph < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraph must be bigger than or equal to 1")
                if data__paragraph > 15:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraph must be smaller than or equal to 15")
        if "reason" in data_keys:
            data_keys.remove("reason")
            data__reason = data["reason"]
            if not isinstance(data__reason, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reason must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_audience(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "subtitle" in data_keys:
            data_keys.remove("subtitle")
            data__subtitle = data["subtitle"]
            if not isinstance(data__subtitle, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".subtitle must be string")
        if "classification" in data_keys:
            data_keys.remove("classification")
            data__classification = data["classification"]
            if not isinstance(data__classification, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".classification must be string")
            if not (isinstance(data__classification, str) and data__classification == 'OFFICIAL' or isinstance(data__classification, str) and data__classification == 'OFFICIAL-SENSITIVE' or isinstance(data__classification, str) and data__classification == 'none'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".classification must be one of ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'none']")
        if "budget" in data_keys:
            data_keys.remove("budget")
            data__budget = data["budget"]
            validate____defs_budget(data__budget, custom_formats, (name_prefix or "data") + ".budget")
        if "exempt" in data_keys:
            data_keys.remove("exempt")
            data__exempt = data["exempt"]
            if not isinstance(data__exempt, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".exempt must be string")
            if not (isinstance(data__exempt, str) and data__exempt == 'include' or isinstance(data__exempt, str) and data__exempt == 'withhold'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".exempt must be one of ['include', 'withhold']")
        if "form" in data_keys:
            data_keys.remove("form")
            data__form = data["form"]
            if not isinstance(data__form, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".form must be string")
            if not (isinstance(data__form, str) and data__form == 'full' or isinstance(data__form, str) and data__form == 'summary'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".form must be one of ['full', 'summary']")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_event(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
        if "venue" in data_keys:
            data_keys.remove("venue")
            data__venue = data["venue"]
            if not isinstance(data__venue, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".venue must be string")
        if "starts" in data_keys:
            data_keys.remove("starts")
            data__starts = data["starts"]
            if not isinstance(data__starts, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".starts must be string")
        if "agenda" in data_keys:
            data_keys.remove("agenda")
            data__agenda = data["agenda"]
            if not isinstance(data__agenda, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".agenda must be array")
            data__agenda_is_list = isinstance(data__agenda, (list, tuple))
            if data__agenda_is_list:
                data__agenda_len = len(data__agenda)
                for data__agenda_x, data__agenda_item in enumerate(data__agenda):
                    validate____defs_agenda_entry(data__agenda_item, custom_formats, (name_prefix or "data") + ".agenda[{data__agenda_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_agenda_entry(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['time', 'item']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "time" in data_keys:
            data_keys.remove("time")
            data__time = data["time"]
            if not isinstance(data__time, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".time must be string")
            if isinstance(data__time, str):
                data__time_len = len(data__time)
                if data__time_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".time must be longer than or equal to 1 characters")
        if "item" in data_keys:
            data_keys.remove("item")
            data__item = data["item"]
            if not isinstance(data__item, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".item must be string")
            if isinstance(data__item, str):
                data__item_len = len(data__item)
                if data__item_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".item must be longer than or equal to 1 characters")
        if "speaker" in data_keys:
            data_keys.remove("speaker")
            data__speaker = data["speaker"]
            if not isinstance(data__speaker, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".speaker must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_budget(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "pages" in data_keys:
            data_keys.remove("pages")
            data__pages = data["pages"]
            if not isinstance(data__pages, (int)) and not (isinstance(data__pages, float) and data__pages.is_integer()) or isinstance(data__pages, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages must be integer")
            if isinstance(data__pages, (int, float, Decimal)) and not isinstance(data__pages, bool):
                if data__pages < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".pages must be bigger than or equal to 1")
        if "words" in data_keys:
            data_keys.remove("words")
            data__words = data["words"]
            if not isinstance(data__words, (int)) and not (isinstance(data__words, float) and data__words.is_integer()) or isinstance(data__words, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".words must be integer")
            if isinstance(data__words, (int, float, Decimal)) and not isinstance(data__words, bool):
                if data__words < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".words must be bigger than or equal to 1")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_layout(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "paper" in data_keys:
            data_keys.remove("paper")
            data__paper = data["paper"]
            if not isinstance(data__paper, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paper must be string")
            if not (isinstance(data__paper, str) and data__paper == 'A4' or isinstance(data__paper, str) and data__paper == 'A5'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paper must be one of ['A4', 'A5']")
        else: data["paper"] = 'A4'
        if "large_print" in data_keys:
            data_keys.remove("large_print")
            data__largeprint = data["large_print"]
            if not isinstance(data__largeprint, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".large_print must be boolean")
        else: data["large_print"] = False
        if "template" in data_keys:
            data_keys.remove("template")
            data__template = data["template"]
            if not isinstance(data__template, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".template must be string")
        if "logo" in data_keys:
            data_keys.remove("logo")
            data__logo = data["logo"]
            if not isinstance(data__logo, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".logo must be string")
        if "logo_alt" in data_keys:
            data_keys.remove("logo_alt")
            data__logoalt = data["logo_alt"]
            if not isinstance(data__logoalt, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".logo_alt must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate____defs_contact(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
        if "email" in data_keys:
            data_keys.remove("email")
            data__email = data["email"]
            if not isinstance(data__email, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".email must be string")
        if "phone" in data_keys:
            data_keys.remove("phone")
            data__phone = data["phone"]
            if not isinstance(data__phone, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".phone must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data