package io.wsbed.harness.process;

import io.wsbed.harness.HarnessException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a child process's config file with {@code {{name}}} placeholders (nginx, haproxy).
 * Filling it refuses to hand out a config with a placeholder the caller gave no value for: a
 * template that grew a knob the harness does not set fails loudly instead of reaching the proxy.
 */
public final class ConfigTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*}}");

    private final String text;
    private final String source;
    private final String what;

    /**
     * @param what which program the config is for, as error messages name it ("nginx")
     * @param text the template
     * @param source where the text came from (a file, a resource), for error messages
     */
    public ConfigTemplate(String what, String text, String source) {
        this.what = Objects.requireNonNull(what, "what");
        this.text = Objects.requireNonNull(text, "text");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The text with every placeholder replaced by its value; throws naming every one left without a value. */
    public String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        Set<String> missing = new TreeSet<>();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                missing.add(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new HarnessException(what + " template " + source + " has placeholders the harness does not fill: "
                    + missing + "; known: " + values.keySet());
        }
        return out.toString();
    }
}
