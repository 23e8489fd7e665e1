package io.lightswitch.workflow.domain;

import io.lightswitch.workflow.persistence.ExecutionRow;
import io.lightswitch.workflow.persistence.ExecutionStore;
import io.lightswitch.workflow.persistence.IncidentRow;
import io.lightswitch.workflow.persistence.IncidentStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads incidents and the executions of their actions. */
@ApplicationScoped
public class IncidentService {

    /** An incident with the executions of its actions, in the rule's order. */
    public record IncidentDetail(IncidentRow incident, List<ExecutionRow> executions) {
    }

    private final Pool pool;
    private final IncidentStore incidents;
    private final ExecutionStore executions;

    public IncidentService(Pool pool, IncidentStore incidents, ExecutionStore executions) {
        this.pool = pool;
        this.incidents = incidents;
        this.executions = executions;
    }

    public Uni<List<IncidentRow>> list(IncidentStore.Filter filter) {
        return incidents.list(pool, filter);
    }

    public Uni<IncidentDetail> get(String project, UUID id) {
        return incidents.find(pool, project, id).onItem().ifNull()
                .failWith(() -> new NotFoundException("incident", id.toString()))
                .chain(incident -> executions.ofIncident(pool, id)
                        .map(actions -> new IncidentDetail(incident, actions)));
    }

    public Uni<List<ExecutionRow>> executions(ExecutionStore.Filter filter) {
        return executions.list(pool, filter);
    }
}
