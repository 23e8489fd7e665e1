package io.lightswitch.analytics.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.MessageTypes;
import io.lightswitch.contracts.RoutingKeys;
import io.lightswitch.contracts.ingest.NormalizedSpan;
import io.lightswitch.contracts.ingest.SpanBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publishes SpanBatch messages as ingest-service would, for the intake benchmark: 4 services with 5
 * operations each, 20 flags of which each span carries two (10% on), 50,000 users, half of the spans
 * in one of 10,000 sessions, 2% errors, and one CLIENT span per ten whose SERVER child in another
 * service follows in the same batch. Usage: IntakeLoad messages spansPerMessage project [seed]
 */
public final class IntakeLoad {

    private static final String[] SERVICES = {"frontend", "checkout", "payments", "catalog"};
    private static final String[] OPERATIONS = {"GET /", "GET /cart", "POST /pay", "GET /products/{id}", "POST /orders"};

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args[0]);
        int spansPerMessage = Integer.parseInt(args[1]);
        String project = args[2];
        SplittableRandom random = new SplittableRandom(args.length > 3 ? Long.parseLong(args[3]) : 42);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        long started = System.nanoTime();
        long bytes = 0;
        try (Connection connection = factory.newConnection("intake-bench"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(2).build();
            for (int m = 0; m < messages; m++) {
                byte[] body = MessageCodec.encode(UUID.randomUUID(), MessageTypes.SPAN_BATCH, "intake-bench",
                        Instant.now(), new SpanBatch(project, "production", batch(random, spansPerMessage)));
                bytes += body.length;
                channel.basicPublish(Exchanges.INGEST_EVENTS, RoutingKeys.SPANS_BATCH, properties, body);
                if (m % 50 == 49) {
                    channel.waitForConfirmsOrDie(60_000);
                }
            }
            channel.waitForConfirmsOrDie(60_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("published messages=%d spans=%d bytes=%d seconds=%.1f%n", messages,
                (long) messages * spansPerMessage, bytes, seconds);
    }

    private static List<NormalizedSpan> batch(SplittableRandom random, int size) {
        List<NormalizedSpan> spans = new ArrayList<>(size);
        Instant now = Instant.now();
        while (spans.size() < size) {
            int user = random.nextInt(50_000);
            String session = random.nextBoolean() ? "s-" + (user % 10_000) : null;
            Map<String, String> flags = new TreeMap<>();
            for (int f = 0; f < 2; f++) {
                int flag = random.nextInt(20);
                flags.put("flag-" + flag, Math.floorMod(user * 31 + flag, 10) == 0 ? "on" : "off");
            }
            int service = random.nextInt(SERVICES.length);
            String trace = hex(random, 16);
            boolean error = random.nextInt(50) == 0;
            long micros = (long) (Math.exp(3 + random.nextDouble() * 2) * 1000);
            if (random.nextInt(10) == 0 && spans.size() + 2 <= size) {
                String client = hex(random, 8);
                String callee = SERVICES[(service + 1) % SERVICES.length];
                spans.add(span(trace, client, hex(random, 8), SERVICES[service], "POST " + callee, NormalizedSpan.CLIENT,
                        now, micros, false, user, session, flags));
                spans.add(span(trace, hex(random, 8), client, callee, OPERATIONS[random.nextInt(OPERATIONS.length)],
                        NormalizedSpan.SERVER, now, micros - 500, error, user, session, flags));
            } else {
                spans.add(span(trace, hex(random, 8), null, SERVICES[service], OPERATIONS[random.nextInt(OPERATIONS.length)],
                        NormalizedSpan.SERVER, now, micros, error, user, session, flags));
            }
        }
        return spans;
    }

    private static NormalizedSpan span(String trace, String id, String parent, String service, String name, String kind,
                                       Instant start, long micros, boolean error, int user, String session,
                                       Map<String, String> flags) {
        return new NormalizedSpan(trace, id, parent, service, name, null, kind, start, micros, error ? 500 : 200, error,
                error ? "HTTP 500" : null, error ? "upstream failed" : null, "user-" + user, session,
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
                new NormalizedSpan.Geo("DE", null, null), flags);
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] raw = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            raw[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(raw);
    }
}
