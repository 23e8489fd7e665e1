package io.lightswitch.flag.domain;

import io.lightswitch.flag.domain.model.Serve;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The state a flag starts with in an environment: switched off, serving "off" when it is off and "on"
 * when switched on, when variants of those names exist; otherwise the first variant is the off variant
 * and the next one is served.
 */
@ApplicationScoped
public class FlagStateFactory {

    public FlagState initialState(Flag flag, UUID environmentId) {
        Map<String, Object> variants = FlagDocuments.variants(flag);
        String offVariant = defaultOffVariant(variants);
        return initialState(flag, environmentId, offVariant, defaultServedVariant(variants, offVariant));
    }

    public FlagState initialState(Flag flag, UUID environmentId, String offVariant, String servedVariant) {
        FlagState state = new FlagState();
        state.flagId = flag.id;
        state.environmentId = environmentId;
        state.enabled = false;
        state.offVariant = offVariant;
        state.rules = JsonDocuments.write(List.of());
        state.defaultServe = JsonDocuments.write(Serve.variant(servedVariant));
        state.overrides = JsonDocuments.write(Map.of());
        state.version = 1;
        state.updatedAt = Instant.now();
        return state;
    }

    public static String defaultOffVariant(Map<String, Object> variants) {
        return variants.containsKey("off") ? "off" : variants.keySet().iterator().next();
    }

    public static String defaultServedVariant(Map<String, Object> variants, String offVariant) {
        if (variants.containsKey("on")) {
            return "on";
        }
        return variants.keySet().stream().filter(v -> !v.equals(offVariant)).findFirst().orElse(offVariant);
    }
}
