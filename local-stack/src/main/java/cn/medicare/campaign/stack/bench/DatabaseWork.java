package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each database server did over a run: the WAL it wrote, which the machine's state hardly changes (its speed
 * varies by a tenth between runs of the same code), and the CPU its processes took: backends, walsender and background
 * writers alike (docs/delivery.md). A server on another machine reports its WAL and no CPU (NaN).
 */
final class DatabaseWork {

    /** The kernel's clock ticks a second, in which /proc counts CPU time (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    /** A server to measure, by the database on it that is logged in to. */
    record Server(String database, PostgresServer server) {
    }

    /** What the server of a database did since the start. */
    record Done(String database, long walBytes, double cpuSeconds) {
    }

    /** Where a server stood: its WAL position (bytes since the cluster began), and its processes' CPU seconds. */
    private record Mark(long walPosition, double cpuSeconds) {
    }

    private final Map<Server, Mark> started = new LinkedHashMap<>();

    private DatabaseWork(List<Server> servers) {
        servers.forEach(server -> started.put(server, mark(server)));
    }

    static DatabaseWork start(List<Server> servers) {
        return new DatabaseWork(servers);
    }

    List<Done> since() {
        return started.entrySet().stream().map(start -> {
            Mark now = mark(start.getKey());
            return new Done(start.getKey().database(), now.walPosition() - start.getValue().walPosition(),
                    now.cpuSeconds() - start.getValue().cpuSeconds());
        }).toList();
    }

    private static Mark mark(Server server) {
        try (Connection connection = server.server().connect(server.database());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, pg_backend_pid(), current_setting('data_directory')""")) {
            row.next();
            return new Mark(row.getLong(1), clusterCpuSeconds(postmaster(row.getInt(2), row.getString(3))));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the WAL position of " + server.database(), e);
        }
    }

    /**
     * The postmaster, every backend's parent, working in the server's data directory; -1 where the backend is not a process
     * of this machine (a container's server names its pid in its own namespace, where this machine may have another process).
     */
    private static long postmaster(int backend, String dataDirectory) {
        String[] stat = stat(Path.of("/proc", String.valueOf(backend), "stat"));
        if (stat == null) {
            return -1;
        }
        long parent = Long.parseLong(stat[1]);
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(parent), "cwd")).equals(Path.of(dataDirectory).toRealPath())
                    ? parent : -1;
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /**
     * The postmaster's own CPU, that of the children it reaped (cutime, cstime) and that of those alive: a backend that ends
     * between two marks moves from the last to the second, so the difference counts each tick once. A child reaped while
     * the children are read would be counted in neither: the postmaster is read again, and the whole again if it reaped.
     */
    private static double clusterCpuSeconds(long postmaster) {
        for (int attempt = 0; postmaster >= 0 && attempt < 5; attempt++) {
            String[] before = stat(Path.of("/proc", String.valueOf(postmaster), "stat"));
            if (before == null) {
                break;
            }
            long children;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                children = processes.filter(process -> process.getFileName().toString().chars().allMatch(Character::isDigit))
                        .map(process -> stat(process.resolve("stat")))
                        .filter(stat -> stat != null && Long.parseLong(stat[1]) == postmaster)
                        .mapToLong(DatabaseWork::ownTicks)
                        .sum();
            } catch (IOException e) {
                break;
            }
            String[] after = stat(Path.of("/proc", String.valueOf(postmaster), "stat"));
            if (after != null && reapedTicks(after) == reapedTicks(before)) {
                return (ownTicks(after) + reapedTicks(after) + children) / TICKS;
            }
        }
        return Double.NaN;
    }

    /** The CPU a process of this machine has taken itself (utime and stime), or NaN once it is gone. */
    static double cpuSeconds(long pid) {
        String[] stat = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat == null ? Double.NaN : ownTicks(stat) / TICKS;
    }

    private static long ownTicks(String[] stat) {
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    private static long reapedTicks(String[] stat) {
        return Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
    }

    /**
     * A process's /proc stat from its state on (proc(5)'s field 3 at index 0, the parent at 1, utime at 11), or null once
     * it is gone: the command name before them may hold spaces and parentheses, so the fields start after the last ')'.
     */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
