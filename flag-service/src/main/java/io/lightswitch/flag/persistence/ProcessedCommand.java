package io.lightswitch.flag.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "processed_command")
public class ProcessedCommand {
    @Id
    public UUID commandId;
    public String type;
    public String outcome;
    public Instant processedAt;
}
