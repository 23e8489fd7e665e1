package io.lightswitch.flag.api;

import static io.lightswitch.flag.support.AdminApi.admin;
import static io.lightswitch.flag.support.AdminApi.createBooleanFlag;
import static io.lightswitch.flag.support.AdminApi.createProject;
import static io.lightswitch.flag.support.AdminApi.putState;
import static io.lightswitch.flag.support.AdminApi.setEnabled;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.flag.support.AdminApi.TestProject;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the official OpenFeature OFREP providers for JavaScript, unchanged, against this service:
 * {@code @openfeature/ofrep-provider} with the server SDK and {@code @openfeature/ofrep-web-provider}
 * with the web SDK (under Node). The npm project and the script that drives the providers live in
 * {@code src/test/openfeature}; they are copied to {@code target/openfeature} and installed there with
 * {@code npm ci}. Skipped only when node or npm is not on the PATH.
 */
@QuarkusTest
class OpenFeatureProvidersCompatibilityTest {

    private static final Path SOURCES = Path.of("src", "test", "openfeature");
    private static final Path WORK = Path.of("target", "openfeature");
    private static final List<String> NPM_FILES = List.of("package.json", "package-lock.json", "check-providers.mjs");

    private static final List<String> SERVER_CHECKS = List.of("server.boolean", "server.string", "server.number",
            "server.object", "server.split", "server.missing-flag", "server.split-without-targeting-key",
            "server.unknown-key");
    private static final List<String> WEB_CHECKS = List.of("web.initialise", "web.client-flag",
            "web.server-only-flag-hidden", "web.polls-with-if-none-match", "web.picks-up-change");

    /** One run of the script serves both tests: it spans both providers and the flip in between. */
    private static ProviderRun run;

    @TestHTTPResource("/")
    URL base;

    @Test
    void officialServerProviderEvaluatesEveryFlagType() throws Exception {
        ProviderRun result = providerRun();

        assertThat(result.lines()).as(result.describe()).contains(passLines(SERVER_CHECKS));
        assertThat(result.lines()).as(result.describe()).noneMatch(line -> line.startsWith("FAIL server."));
    }

    @Test
    void officialWebProviderSeesClientFlagsAndPicksUpChanges() throws Exception {
        ProviderRun result = providerRun();

        assertThat(result.lines()).as(result.describe()).contains(passLines(WEB_CHECKS));
        assertThat(result.lines()).as(result.describe()).noneMatch(line -> line.startsWith("FAIL web."));
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(0);
    }

    private static String[] passLines(List<String> checks) {
        return checks.stream().map(name -> "PASS " + name).toArray(String[]::new);
    }

    private synchronized ProviderRun providerRun() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not on the PATH: the OpenFeature provider compatibility check needs them");
        if (run == null) {
            run = runProviders();
        }
        return run;
    }

    private ProviderRun runProviders() throws Exception {
        installNpmProject();

        TestProject project = createProject("ofrep-compat", "production");
        String p = project.key();

        createBooleanFlag(p, "beta-greeting", false);
        setEnabled(p, "beta-greeting", "production", true);
        putState(p, "beta-greeting", "production", Map.of(
                "rules", List.of(Map.of("id", "staff", "conditions", List.of(
                        Map.of("attribute", "email", "operator", "ends_with", "values", List.of("@corp.example"))),
                        "serve", Map.of("variant", "on"))),
                "defaultServe", Map.of("variant", "off")));

        createFlag(p, "button-colour", "string", ordered("blue", "#0000ff", "green", "#00ff00"));
        serveVariant(p, "button-colour", "green");

        createFlag(p, "max-items", "number", ordered("few", 3, "many", 42.5));
        serveVariant(p, "max-items", "many");

        Map<String, Object> compact = ordered("theme", "light", "steps", 1, "express", false);
        Map<String, Object> rich = ordered("theme", "dark", "steps", 3, "express", true,
                "labels", List.of("a", "b"));
        createFlag(p, "checkout-config", "object", ordered("compact", compact, "rich", rich));
        serveVariant(p, "checkout-config", "rich");

        createBooleanFlag(p, "new-checkout", false);
        setEnabled(p, "new-checkout", "production", true);
        putState(p, "new-checkout", "production", Map.of("defaultServe", Map.of("split",
                List.of(Map.of("variant", "on", "weight", 50), Map.of("variant", "off", "weight", 50)))));

        createBooleanFlag(p, "promo-banner", true);
        setEnabled(p, "promo-banner", "production", true);

        createBooleanFlag(p, "internal-tools", false);
        setEnabled(p, "internal-tools", "production", true);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("OFREP_URL", "http://127.0.0.1:" + base.getPort());
        env.put("SERVER_KEY", project.secret("production", "server"));
        env.put("CLIENT_KEY", project.secret("production", "client"));
        env.put("TARGETING_KEY", "user-42");
        env.put("TARGETING_EMAIL", "ann@corp.example");
        env.put("FLAG_BOOLEAN", "beta-greeting");
        env.put("FLAG_STRING", "button-colour");
        env.put("EXPECTED_STRING", "#00ff00");
        env.put("EXPECTED_STRING_VARIANT", "green");
        env.put("FLAG_NUMBER", "max-items");
        env.put("EXPECTED_NUMBER", "42.5");
        env.put("FLAG_OBJECT", "checkout-config");
        env.put("EXPECTED_OBJECT", "{\"theme\":\"dark\",\"steps\":3,\"express\":true,\"labels\":[\"a\",\"b\"]}");
        env.put("FLAG_SPLIT", "new-checkout");
        env.put("FLAG_MISSING", "does-not-exist");
        env.put("FLAG_CLIENT", "promo-banner");
        env.put("FLAG_SERVER_ONLY", "internal-tools");

        ProcessBuilder builder = new ProcessBuilder("node", "check-providers.mjs")
                .directory(WORK.toFile())
                .redirectError(WORK.resolve("check-providers.stderr.log").toFile());
        builder.environment().putAll(env);
        Process node = builder.start();

        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                lines.add("(reading the script's output failed: " + e + ")");
            } finally {
                ready.countDown();
            }
        }, "check-providers-stdout");
        reader.setDaemon(true);
        reader.start();

        boolean sawReady = ready.await(40, TimeUnit.SECONDS) && lines.contains("READY");
        if (sawReady) {
            setEnabled(p, "promo-banner", "production", false);
            try (OutputStream in = node.getOutputStream()) {
                in.write("FLIPPED\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
        }
        boolean finished = node.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        String stderr = readQuietly(WORK.resolve("check-providers.stderr.log"));
        ProviderRun result = new ProviderRun(finished ? node.exitValue() : null, List.copyOf(lines), stderr, sawReady);
        Files.writeString(WORK.resolve("check-providers.stdout.log"), String.join("\n", result.lines()) + "\n");
        return result;
    }

    private static void createFlag(String project, String flag, String type, Map<String, Object> variants) {
        admin().body(Map.of("key", flag, "name", "Flag " + flag, "type", type, "variants", variants,
                        "clientVisible", false))
                .post("/api/v1/projects/{p}/flags", project).then().statusCode(201);
    }

    private static void serveVariant(String project, String flag, String variant) {
        setEnabled(project, flag, "production", true);
        putState(project, flag, "production", Map.of("defaultServe", Map.of("variant", variant)));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Copies the npm project to target/openfeature and installs exactly what package-lock.json pins. */
    private static void installNpmProject() throws Exception {
        Files.createDirectories(WORK);
        for (String file : NPM_FILES) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = WORK.resolve("npm-ci.log");
        Process npm = new ProcessBuilder(npmCommand(), "ci", "--no-audit", "--no-fund")
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        npm.getOutputStream().close();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("npm ci did not finish within 5 minutes:\n" + readQuietly(log));
        }
        assertThat(npm.exitValue()).as("npm ci failed:\n%s", readQuietly(log)).isEqualTo(0);
    }

    private static String npmCommand() {
        return isWindows() ? "npm.cmd" : "npm";
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        List<String> names = isWindows() ? List.of(program + ".exe", program + ".cmd") : List.of(program);
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private record ProviderRun(Integer exitCode, List<String> lines, String stderr, boolean sawReady) {
        String describe() {
            return "check-providers.mjs " + (exitCode == null ? "timed out" : "exited with " + exitCode)
                    + (sawReady ? "" : " (never printed READY, so the flag was not flipped)")
                    + "\n--- stdout ---\n" + String.join("\n", lines)
                    + "\n--- stderr ---\n" + stderr;
        }
    }
}
