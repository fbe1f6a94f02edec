package dev.strix.notebooks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * {@code %maven group:artifact[:extension[:classifier]]:version}: resolves the artifact and its
 * runtime dependencies with Apache Maven Resolver (the Maven 3 model, as {@code mvn} does) into the
 * local repository, and returns the jars for the kernel's class path.
 *
 * <p>Repositories: {@code STRIX_MAVEN_REPOSITORIES} (space-separated URLs, {@code file:} URLs
 * too) if set, else Maven Central. Local repository: {@code STRIX_MAVEN_LOCAL}, else the
 * {@code maven.repo.local} system property, else {@code ~/.m2/repository}.
 */
final class MavenMagic {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final List<String> repositories;
    private final Path localRepository;
    private RepositorySystem system;

    MavenMagic(List<String> repositories, Path localRepository) {
        this.repositories = List.copyOf(repositories);
        this.localRepository = localRepository;
    }

    /** Configured from the environment as the class comment says. */
    static MavenMagic fromEnvironment() {
        String repos = System.getenv("STRIX_MAVEN_REPOSITORIES");
        List<String> urls = repos == null || repos.isBlank() ? List.of(CENTRAL) : List.of(repos.trim().split("\\s+"));
        String local = System.getenv("STRIX_MAVEN_LOCAL");
        if (local == null || local.isBlank()) {
            local = System.getProperty("maven.repo.local",
                    Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        }
        return new MavenMagic(urls, Path.of(local));
    }

    /** The jars of {@code coordinates} and its runtime dependencies, the artifact first. */
    synchronized List<Path> resolve(String coordinates) throws DependencyResolutionException {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        List<RemoteRepository> remotes = new ArrayList<>();
        for (int i = 0; i < repositories.size(); i++) {
            remotes.add(new RemoteRepository.Builder(i == 0 ? "central" : "repo" + i, "default", repositories.get(i)).build());
        }
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .build()) {
            CollectRequest collect = new CollectRequest(
                    new Dependency(new DefaultArtifact(coordinates), "runtime"), remotes);
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime"));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(r.getArtifact().getPath());
            }
            return jars;
        }
    }
}
