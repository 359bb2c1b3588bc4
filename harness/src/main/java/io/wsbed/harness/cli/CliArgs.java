package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one command: options that take a value, flags, and positional arguments, with
 * one-line errors that list what is known.
 */
final class CliArgs {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new TreeSet<>();
    private final List<String> positional = new ArrayList<>();

    private CliArgs() {
    }

    /**
     * @param args the arguments after the command name
     * @param withValue options that take a value ("--stacks")
     * @param flagNames options that take none ("--update-baseline")
     */
    static CliArgs parse(String command, List<String> args, Set<String> withValue, Set<String> flagNames) {
        CliArgs a = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (withValue.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw HarnessException.configuration("option '" + arg + "' of wsbed " + command + " needs a value");
                }
                a.values.put(arg, args.get(++i));
            } else if (flagNames.contains(arg)) {
                a.flags.add(arg);
            } else if (arg.startsWith("-")) {
                Set<String> known = new TreeSet<>(withValue);
                known.addAll(flagNames);
                throw HarnessException.configuration("unknown option '" + arg + "' for wsbed " + command + "; known: "
                        + String.join(", ", known));
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    String value(String option) {
        return values.get(option);
    }

    Map<String, String> values() {
        return values;
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    List<String> positional() {
        return positional;
    }
}
