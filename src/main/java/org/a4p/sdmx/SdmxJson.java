package org.a4p.sdmx;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.a4p.i18n.Language;

/** What the SDMX-JSON messages share: the media types, the header, localised names and links. */
final class SdmxJson {
    static final String DATA_SCHEMA = "https://json.sdmx.org/2.1/sdmx-json-data-schema.json";
    static final String STRUCTURE_SCHEMA = "https://json.sdmx.org/2.1/sdmx-json-structure-schema.json";

    private SdmxJson() {}

    /** {@code name} in the reader's language (English when there is no French) and {@code names} in every language there is. */
    static void names(JsonGenerator json, String field, DataStructure.Text text, Language language) throws IOException {
        if (text == null) {
            return;
        }
        json.writeStringField(field, language == Language.FR && text.fr() != null ? text.fr() : text.en());
        json.writeObjectFieldStart(field + "s");
        json.writeStringField("en", text.en());
        if (text.fr() != null) {
            json.writeStringField("fr", text.fr());
        }
        json.writeEndObject();
    }

    static void meta(JsonGenerator json, String id, java.time.Instant prepared, Language language, String self) throws IOException {
        json.writeObjectFieldStart("meta");
        json.writeStringField("id", id);
        json.writeBooleanField("test", false);
        json.writeStringField("prepared", prepared.toString());
        json.writeArrayFieldStart("contentLanguages");
        json.writeString(language.code());
        json.writeString(language == Language.FR ? "en" : "fr");
        json.writeEndArray();
        json.writeObjectFieldStart("sender");
        json.writeStringField("id", DataStructure.AGENCY);
        names(json, "name", DataStructure.text("agency.name"), language);
        json.writeEndObject();
        json.writeArrayFieldStart("links");
        link(json, self, "self", null);
        json.writeEndArray();
        json.writeEndObject();
    }

    static void link(JsonGenerator json, String href, String rel, String urn) throws IOException {
        json.writeStartObject();
        if (href != null) {
            json.writeStringField("href", href);
        }
        json.writeStringField("rel", rel);
        if (urn != null) {
            json.writeStringField("urn", urn);
        }
        json.writeEndObject();
    }
}
