package io.lightswitch.flag.domain;

import io.lightswitch.flag.persistence.Environment;
import io.lightswitch.flag.persistence.EnvironmentRepository;
import io.lightswitch.flag.persistence.Flag;
import io.lightswitch.flag.persistence.FlagRepository;
import io.lightswitch.flag.persistence.Project;
import io.lightswitch.flag.persistence.ProjectRepository;
import io.lightswitch.flag.persistence.Segment;
import io.lightswitch.flag.persistence.SegmentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds an aggregate by its key or fails with a {@link NotFoundException}: the one place a null becomes a 404. */
@ApplicationScoped
public class Lookup {

    private final ProjectRepository projects;
    private final EnvironmentRepository environments;
    private final FlagRepository flags;
    private final SegmentRepository segments;

    public Lookup(ProjectRepository projects, EnvironmentRepository environments, FlagRepository flags,
                  SegmentRepository segments) {
        this.projects = projects;
        this.environments = environments;
        this.flags = flags;
        this.segments = segments;
    }

    public Uni<Project> project(String key) {
        return projects.findByKey(key).onItem().ifNull().failWith(() -> new NotFoundException("project", key));
    }

    public Uni<Environment> environment(Project project, String key) {
        return environments.findByProjectAndKey(project.id, key)
                .onItem().ifNull().failWith(() -> new NotFoundException("environment", project.key + "/" + key));
    }

    public Uni<Flag> flag(Project project, String key) {
        return flags.findByProjectAndKey(project.id, key)
                .onItem().ifNull().failWith(() -> new NotFoundException("flag", project.key + "/" + key));
    }

    public Uni<Segment> segment(Project project, String key) {
        return segments.findByProjectAndKey(project.id, key)
                .onItem().ifNull().failWith(() -> new NotFoundException("segment", project.key + "/" + key));
    }
}
