package io.lightswitch.flag.bench;

import io.lightswitch.flag.domain.evaluation.BucketHasher;
import io.lightswitch.flag.domain.evaluation.CompiledFlag;
import io.lightswitch.flag.domain.evaluation.EvaluationContext;
import io.lightswitch.flag.domain.evaluation.EvaluationResult;
import io.lightswitch.flag.domain.evaluation.FlagCompiler;
import io.lightswitch.flag.domain.model.Condition;
import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.Match;
import io.lightswitch.flag.domain.model.Operator;
import io.lightswitch.flag.domain.model.SegmentDefinition;
import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.domain.model.TargetingRule;
import io.lightswitch.flag.domain.model.WeightedVariant;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Evaluation throughput of a five-rule flag (text, list, semver, date and numeric conditions, a segment,
 * and a final 10% split) for random users, most of whom fall through to the split. Run {@link #main}:
 * with the contracts module installed, {@code mvn -pl flag-service test-compile exec:java
 * -Dexec.mainClass=io.lightswitch.flag.bench.EvaluatorBenchmark -Dexec.classpathScope=test}; or with
 * {@code java -cp <test class path>:flag-service/target/test-classes:flag-service/target/classes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluatorBenchmark {

    private static final int USERS = 1 << 16;
    private static final List<String> COUNTRIES = List.of("DE", "FR", "IT", "ES", "NL", "PL", "SE", "US", "CA", "BR",
            "JP", "IN", "GB", "AU", "MX", "KR");

    private CompiledFlag flag;
    private EvaluationContext[] contexts;
    private String[] targetingKeys;
    private BucketHasher hasher;
    private int next;

    @Setup
    public void setUp() {
        flag = new FlagCompiler().compile(fiveRuleFlag(), Map.of("enterprise-eu", enterpriseEu()));
        hasher = BucketHasher.forFlag("checkout-redesign", "b7e1");
        Random random = new Random(42);
        contexts = new EvaluationContext[USERS];
        targetingKeys = new String[USERS];
        for (int i = 0; i < USERS; i++) {
            targetingKeys[i] = new UUID(random.nextLong(), random.nextLong()).toString();
            contexts[i] = new EvaluationContext(targetingKeys[i], randomAttributes(random));
        }
    }

    @Benchmark
    public EvaluationResult evaluateFiveRuleFlag() {
        return flag.evaluate(contexts[next++ & USERS - 1]);
    }

    @Benchmark
    public int bucketTargetingKey() {
        return hasher.bucket(targetingKeys[next++ & USERS - 1]);
    }

    /** Runs the benchmarks; an optional argument names a file that receives the results as text. */
    public static void main(String[] args) throws RunnerException {
        exposeClassLoaderClasspath();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(EvaluatorBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .measurementIterations(5)
                .threads(1);
        if (args.length > 0) {
            options.result(args[0]).resultFormat(ResultFormatType.TEXT);
        }
        new Runner(options.build()).run();
    }

    private static FlagConfig fiveRuleFlag() {
        List<TargetingRule> rules = List.of(
                rule("staff", Match.ANY, Serve.variant("on"),
                        condition("email", Operator.ENDS_WITH, "@lightswitch.io"),
                        condition("groups", Operator.IN, "staff", "qa")),
                new TargetingRule("enterprise-eu", "enterprise-eu", Match.ALL,
                        List.of(condition("seats", Operator.GTE, 500)), Serve.variant("on")),
                rule("old-apps", Match.ALL, Serve.variant("off"),
                        condition("appVersion", Operator.SEMVER_LT, "2.0.0")),
                rule("recent-big-accounts", Match.ALL, Serve.variant("on"),
                        condition("signedUp", Operator.AFTER, "2026-01-01"),
                        condition("email", Operator.MATCHES, "@(bigcorp|megacorp)\\.com$")),
                rule("rollout", Match.ALL, Serve.split(List.of(new WeightedVariant("on", 10),
                        new WeightedVariant("off", 90))), condition("country", Operator.IN, COUNTRIES.toArray())));
        return new FlagConfig("checkout-redesign", FlagType.BOOLEAN, Map.of("on", true, "off", false), "b7e1", 12L,
                true, "off", rules, Serve.variant("off"), Map.of("qa-fixed-user", "on"));
    }

    private static SegmentDefinition enterpriseEu() {
        return new SegmentDefinition("enterprise-eu", Match.ALL, List.of(
                condition("plan", Operator.EQUALS, "enterprise"),
                condition("country", Operator.IN, "DE", "FR", "IT", "ES", "NL", "PL", "SE")));
    }

    private static Map<String, Object> randomAttributes(Random random) {
        return Map.of(
                "email", "user" + random.nextInt(1_000_000) + "@example.com",
                "groups", List.of(random.nextBoolean() ? "beta" : "users"),
                "plan", List.of("free", "pro", "enterprise").get(random.nextInt(3)),
                "country", COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                "seats", random.nextInt(600),
                "appVersion", (random.nextInt(20) == 0 ? "1." : "2.") + random.nextInt(12) + "." + random.nextInt(10),
                "signedUp", (2025 + random.nextInt(2)) + "-" + (10 + random.nextInt(3)) + "-1" + random.nextInt(10)
                        + "T10:15:30Z");
    }

    private static TargetingRule rule(String id, Match match, Serve serve, Condition... conditions) {
        return new TargetingRule(id, null, match, List.of(conditions), serve);
    }

    private static Condition condition(String attribute, Operator operator, Object... values) {
        return new Condition(attribute, operator, List.of(values), false);
    }

    /**
     * exec:java loads the project through its own class loader and leaves java.class.path pointing at
     * Maven, but JMH starts forked JVMs with java.class.path.
     */
    private static void exposeClassLoaderClasspath() {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("unusable class path entry " + url, e);
            }
        }
        entries.add(System.getProperty("java.class.path"));
        System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
}
