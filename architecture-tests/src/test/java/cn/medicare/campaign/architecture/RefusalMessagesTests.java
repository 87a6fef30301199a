package cn.medicare.campaign.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A refusal is read by a clerk: its message says it in Chinese, then in English (docs/intake.md,
 * "Messages"). Read from the sources, since a message is a literal at the place that refuses.
 */
class RefusalMessagesTests {

    private static final Path ROOT = Path.of("..");
    /** The refusal builders, and the first of their arguments that is a message (titles and fields before it). */
    private static final Pattern REFUSAL = Pattern.compile("(InputError\\.(?:field|row)|ApiException\\.(?:invalid|notFound|conflict"
            + "|ruleViolated|notYetKnown)|new ApiException|new InvalidValue|ProblemDetail\\.forStatusAndDetail)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,} [A-Za-z]{2,}");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Test
    void everyRefusalSaysItInChineseThenInEnglish() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path modules : List.of(ROOT, ROOT.resolve("platform"))) {
            try (Stream<Path> module = Files.list(modules)) {
                for (Path main : module.map(dir -> dir.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        List<String> englishOnly = sources.stream().flatMap(file -> englishOnlyRefusals(file).stream()).toList();

        assertThat(sources).as("the main sources of every module").hasSizeGreaterThan(300);
        assertThat(englishOnly).as("refusals whose message has no Chinese").isEmpty();
    }

    @Test
    void theCheckFindsAnEnglishOnlyRefusal() {
        assertThat(englishOnly("throw ApiException.invalid(\"coverageYear\", \"is a year such as 2018\");")).hasSize(1);
        assertThat(englishOnly("errors.add(InputError.row(row, \"date\",\n    \"is a date such as \" + day));")).hasSize(1);
        assertThat(englishOnly("throw ApiException.invalid(\"coverageYear\", \"应为年份 / is a year such as 2018\");")).isEmpty();
        assertThat(englishOnly("throw new ApiException(HttpStatus.UNAUTHORIZED, \"Signature refused\", refusal, List.of());")).isEmpty();
    }

    private static List<String> englishOnlyRefusals(Path file) {
        try {
            return englishOnly(Files.readString(file)).stream().map(call -> ROOT.relativize(file) + ": " + call).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> englishOnly(String source) {
        List<String> found = new ArrayList<>();
        Matcher refusal = REFUSAL.matcher(source);
        while (refusal.find()) {
            List<String> arguments = arguments(source, refusal.end());
            // a problem's title and status come first: the message is the detail after them
            int first = refusal.group(1).equals("new ApiException") ? 2 : 0;
            String message = String.join(",", arguments.subList(Math.min(first, arguments.size()), arguments.size()));
            List<String> literals = LITERAL.matcher(message).results().map(literal -> literal.group(1)).toList();
            boolean words = literals.stream().anyMatch(literal -> WORDS.matcher(literal).find());
            boolean chinese = literals.stream().anyMatch(literal -> CHINESE.matcher(literal).find());
            if (words && !chinese) {
                found.add(refusal.group(1) + "(" + String.join(",", arguments).strip().replaceAll("\\s+", " ") + ")");
            }
        }
        return found;
    }

    /** The call's arguments as written, split at its own commas (not at those inside literals or nested calls). */
    private static List<String> arguments(String source, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i = endOfLiteral(source, i);
            } else if (c == '\'') {
                i = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth-- == 0) {
                    arguments.add(source.substring(start, i));
                    return arguments;
                }
            } else if (c == ',' && depth == 0) {
                arguments.add(source.substring(start, i));
                start = i + 1;
            }
        }
        throw new IllegalStateException("unbalanced call at " + from);
    }

    private static int endOfLiteral(String source, int quote) {
        if (source.startsWith("\"\"\"", quote)) {
            return source.indexOf("\"\"\"", quote + 3) + 2;
        }
        int i = quote + 1;
        while (source.charAt(i) != '"') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
