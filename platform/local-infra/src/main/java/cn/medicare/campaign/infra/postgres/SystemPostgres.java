package cn.medicare.campaign.infra.postgres;

import cn.medicare.campaign.infra.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway cluster run by the machine's own PostgreSQL binaries (Debian's
 * {@code /usr/lib/postgresql/<version>/bin}), the fallback when the embedded binaries cannot
 * start. initdb refuses root, so as root the cluster belongs to the {@code postgres} user.
 */
final class SystemPostgres {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dataDirectory;

    private SystemPostgres(Path bin, Path dataDirectory) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
    }

    /** The newest installed version's binaries, if any. */
    static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static SystemPostgres start(Path bin, int port, Path dataDirectory) {
        SystemPostgres postgres = new SystemPostgres(bin, dataDirectory);
        postgres.initialise(port);
        postgres.run("pg_ctl", "-D", dataDirectory.toString(), "-l", dataDirectory.resolve("postgres.log").toString(), "-w", "start");
        return postgres;
    }

    /** A fast shutdown (sessions ended, transactions rolled back) and a start on the same data. */
    void restart() {
        run("pg_ctl", "-D", dataDirectory.toString(), "-l", dataDirectory.resolve("postgres.log").toString(), "-m", "fast", "-w", "restart");
    }

    void stop() {
        run("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop");
    }

    private void initialise(int port) {
        try {
            Files.createDirectories(dataDirectory);
            if (isRoot()) {
                Programs.run(List.of("chown", "postgres:postgres", dataDirectory.toString()), Map.of());
                letPostgresReach(dataDirectory.toAbsolutePath().getParent());
            }
            run("initdb", "-D", dataDirectory.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
            Files.writeString(dataDirectory.resolve("postgresql.conf"), String.join("\n",
                    "",
                    "port = " + port,
                    "listen_addresses = 'localhost'",
                    "unix_socket_directories = '" + dataDirectory + "'",
                    "wal_level = logical",
                    "max_replication_slots = 20",
                    "max_wal_senders = 20",
                    "max_connections = 300",
                    "fsync = off",
                    "timezone = 'UTC'",
                    LocalPostgres.MEMORY.entrySet().stream().map(setting -> setting.getKey() + " = " + setting.getValue())
                            .collect(Collectors.joining("\n")),
                    ""), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Private temporary directories (0700) would stop the postgres user on its way to the cluster: allow passing through (o+x), not listing. */
    private static void letPostgresReach(Path directory) throws IOException {
        for (Path step = directory; step != null; step = step.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(step);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(step, permissions);
            }
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Programs.run(command, Map.of());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int versionOf(Path installation) {
        try {
            return Integer.parseInt(installation.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
