package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "outbox")
public class OutboxMessage {
    @Id
    public UUID id;
    public String exchange;
    public String routingKey;
    public String type;
    public String body;
    public Instant createdAt;
    public int attempts;
    public Instant publishedAt;
}
