package dev.waymark.dist.internal;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskStyle;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.privacy.TextMasker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code waymark mask}: masks personal data line by line, for privacy officers checking what would leave a kiosk.
 * Free text by default; with {@code --json}, CloudEvents field by field as the kiosk agent masks them.
 */
@Command(name = "mask",
        description = {
            "Mask personal data in lines of free text (or, with --json, in CloudEvents), from files or stdin.",
            "Free text: e-mail, phone, payment card, IBAN, IP address and US SSN are found and masked.",
            "Names and postal addresses are NOT detected in free text."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every line was masked",
            "1:some --json lines were rejected (reported on stderr; the others were masked)",
            "2:usage error, unreadable input, or no usable key for --policy token"
        })
public final class MaskCommand implements Callable<Integer> {

    /** What a masked match becomes. */
    enum Policy { redact, token }

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", defaultValue = "redact", paramLabel = "redact|token",
            description = "redact: [EMAIL], [PHONE], [CARD], [IBAN], [IP], [SSN] (default); "
                    + "token: keyed pseudonymous tokens tok:{keyId}:..., needs --keystore.")
    private Policy policy;

    @Option(names = "--json", description = "Each line is a CloudEvent (JSON); mask its personal fields.")
    private boolean json;

    @Option(names = "--scan", paramLabel = "FIELD", split = ",",
            description = "With --json: free-text fields to scan instead of drop (e.g. comment,query).")
    private List<String> scannedFields = new ArrayList<>();

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore holding the pseudonymization key; its password is read from "
                    + "the environment variable " + KeystoreKeys.PASSWORD_VARIABLE + ".")
    private Path keystore;

    @Option(names = "--key-alias", defaultValue = "wm-pseudonymization", paramLabel = "ALIAS",
            description = "Alias of the key in the keystore; it is the key id in tokens (default: ${DEFAULT-VALUE}).")
    private String keyAlias;

    @Option(names = "--region", defaultValue = PiiScanner.DEFAULT_REGION, paramLabel = "CC",
            description = "Region for phone numbers written without a country code (default: ${DEFAULT-VALUE}).")
    private String region;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to read; none or '-' reads stdin.")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LineMasker masker;
        try {
            masker = masker();
        } catch (KeystoreKeys.KeyUnavailable | IllegalArgumentException e) {
            err.println("waymark mask: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        int rejected = 0;
        for (String input : inputs) {
            try (BufferedReader reader = new BufferedReader(open(input))) {
                rejected += maskLines(input, reader, masker);
            } catch (NoSuchFileException e) {
                err.println("waymark mask: cannot read " + input + ": no such file");
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("waymark mask: cannot read " + input + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        spec.commandLine().getOut().flush();
        return rejected == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    private int maskLines(String input, BufferedReader reader, LineMasker masker) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int rejected = 0;
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            LineMasker.Masked masked = masker.mask(line);
            if (masked instanceof LineMasker.Masked.Line maskedLine) {
                out.println(maskedLine.text());
            } else if (masked instanceof LineMasker.Masked.Rejected rejection) {
                rejected++;
                err.printf("%s:%d: rejected: %s%n", input.equals("-") ? "stdin" : input, number, rejection.reason());
            }
        }
        return rejected;
    }

    private LineMasker masker() {
        PiiScanner scanner = PiiScanner.builder().defaultRegion(region).build();
        Optional<KeyRing> keys = policy == Policy.token ? Optional.of(keyRing()) : Optional.empty();
        if (json) {
            return new JsonLineMasker(scanner, keys, scannedFields);
        }
        if (!scannedFields.isEmpty()) {
            throw new IllegalArgumentException("--scan applies to --json only");
        }
        TextMasker text = keys.map(ring -> TextMasker.create(scanner, ring))
                .orElseGet(() -> TextMasker.redacting(scanner));
        MaskStyle style = keys.isPresent() ? MaskStyle.TOKEN : MaskStyle.REDACT;
        return line -> new LineMasker.Masked.Line(text.mask(line, style));
    }

    private KeyRing keyRing() {
        if (keystore == null) {
            throw new IllegalArgumentException("--policy token needs --keystore FILE (a PKCS#12 keystore holding "
                    + "the pseudonymization key) and its password in " + KeystoreKeys.PASSWORD_VARIABLE);
        }
        return KeyRing.of(KeystoreKeys.load(keystore, keyAlias, System.getenv(KeystoreKeys.PASSWORD_VARIABLE)),
                region);
    }

    private static Reader open(String input) throws IOException {
        if (input.equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }
}
