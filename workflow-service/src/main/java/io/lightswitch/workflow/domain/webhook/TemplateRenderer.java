package io.lightswitch.workflow.domain.webhook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders webhook bodies with Mustache ({@code {{incident.flagKey}}}, {@code {{#verdict.service}}...{{/...}}})
 * over a model of maps, lists and scalars ({@link WebhookModel}).
 *
 * <p>Safe by construction: every value is escaped as the inside of a JSON string, so a flag-change reason
 * typed by anyone cannot break or extend the JSON; the collector only reads maps and lists, never Java
 * methods or fields; partials are not loaded. A name the model does not have is an error (a typo should fail
 * validation, not post an empty field), while a field that is present but null renders empty
 * and, like an empty string, skips a section.
 */
public final class TemplateRenderer {

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withEscaper(raw -> new String(JsonStringEncoder.getInstance().quoteAsString(raw)))
            .withCollector(new MapsAndListsOnly())
            .nullValue("")
            .emptyStringIsFalse(true)
            .withLoader(name -> {
                throw new TemplateException("partials are not supported: {{> " + name + "}}", null);
            });

    private TemplateRenderer() {
    }

    public static String render(String template, Map<String, ?> model) {
        return compile(template).execute(model);
    }

    /** Compiles without rendering; throws {@link TemplateException} on a syntax error or a raw value tag. */
    public static Renderable compile(String template) {
        if (template == null) {
            throw new TemplateException("no template", null);
        }
        if (template.contains("{{{") || template.contains("{{&")) {
            throw new TemplateException("unescaped values ({{{...}}} or {{&...}}) are not allowed: every value"
                    + " is JSON-escaped", null);
        }
        try {
            return new Renderable(COMPILER.compile(template));
        } catch (MustacheException e) {
            throw new TemplateException("template does not compile: " + e.getMessage(), e);
        }
    }

    public static final class Renderable {
        private final Template template;

        private Renderable(Template template) {
            this.template = template;
        }

        public String execute(Map<String, ?> model) {
            try {
                return template.execute(model);
            } catch (MustacheException e) {
                throw new TemplateException("template cannot be rendered: " + e.getMessage(), e);
            }
        }
    }

    private static final class MapsAndListsOnly extends BasicCollector {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }
}
