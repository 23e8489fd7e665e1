package io.lightswitch.workflow.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.MessageCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static Map<String, Object> change(String reason) {
        Map<String, Object> change = new HashMap<>();
        change.put("flagKey", "dark-mode");
        change.put("reason", reason);
        change.put("flagVersion", 4L);
        change.put("actor", Map.of("name", "alice@example.com"));
        return Map.of("change", change);
    }

    @Test
    void substitutesNestedFields() {
        assertThat(TemplateRenderer.render("{{change.flagKey}} v{{change.flagVersion}} by {{change.actor.name}}",
                change("r"))).isEqualTo("dark-mode v4 by alice@example.com");
    }

    @Test
    void valuesCannotBreakOutOfAJsonString() throws Exception {
        String hostile = "oops\", \"admin\": true, \"x\": \"\\ \n\t\u0001";

        String body = TemplateRenderer.render("{\"text\": \"{{change.reason}}\"}", change(hostile));

        JsonNode json = MessageCodec.mapper().readTree(body);
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get("text").asText()).isEqualTo(hostile);
    }

    @Test
    void nullFieldsRenderEmptyAndSkipSections() {
        assertThat(TemplateRenderer.render("[{{change.reason}}]{{#change.reason}}because{{/change.reason}}",
                change(null))).isEqualTo("[]");
        assertThat(TemplateRenderer.render("{{#change.reason}}because {{change.reason}}{{/change.reason}}",
                change(""))).isEmpty();
    }

    @Test
    void unknownFieldsAreErrorsNotBlanks() {
        assertThatThrownBy(() -> TemplateRenderer.render("{{change.flagkey}}", change("r")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("flagkey");
    }

    @Test
    void javaMethodsAndFieldsOfValuesAreNotReachable() {
        assertThatThrownBy(() -> TemplateRenderer.render("{{change.flagKey.class}}", change("r")))
                .isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> TemplateRenderer.render("{{change.flagKey.bytes}}", change("r")))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void partialsAndUnescapedValuesAreRefused() {
        assertThatThrownBy(() -> TemplateRenderer.render("{{> secrets}}", change("r")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("partials");
        assertThatThrownBy(() -> TemplateRenderer.compile("{{{change.reason}}}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("unescaped");
        assertThatThrownBy(() -> TemplateRenderer.compile("{{& change.reason}}"))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void listsCanBeIterated() {
        Map<String, Object> model = Map.of("tags", List.of("a", "b"));

        assertThat(TemplateRenderer.render("{{#tags}}\"{{.}}\",{{/tags}}", model)).isEqualTo("\"a\",\"b\",");
    }
}
