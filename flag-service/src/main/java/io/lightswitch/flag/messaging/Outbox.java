package io.lightswitch.flag.messaging;

import io.lightswitch.contracts.Exchanges;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.flag.persistence.OutboxMessage;
import io.lightswitch.flag.persistence.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Stores an event in the transaction of the change it describes, so that a committed change is never
 * without its event; {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    static final String SOURCE = "flag-service";

    private final OutboxRepository repository;

    public Outbox(OutboxRepository repository) {
        this.repository = repository;
    }

    public Uni<Void> enqueue(String routingKey, String type, Object payload) {
        var envelope = MessageCodec.wrap(type, SOURCE, payload);
        OutboxMessage message = new OutboxMessage();
        message.id = envelope.id();
        message.exchange = Exchanges.FLAG_EVENTS;
        message.routingKey = routingKey;
        message.type = type;
        message.body = new String(MessageCodec.encode(envelope), StandardCharsets.UTF_8);
        message.createdAt = Instant.now();
        return repository.persist(message).replaceWithVoid();
    }
}
