package cn.medicare.campaign.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory the embedded servers keep their data in, held for as long as the stack runs: a second stack started on it
 * (another terminal, the same LOCAL_STACK_HOME) used to delete the running one's PostgreSQL and Kafka data before it failed
 * on the broker's port. Only what the stack itself writes there is cleared, never the rest of a directory named by mistake.
 */
final class WorkDirectory implements AutoCloseable {

    private static final String LOCK = ".local-stack.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WorkDirectory(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Holds {@code directory} and clears what a stack left in it; refused while another stack holds it. */
    static WorkDirectory claim(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("另一个本地环境正在使用 " + directory + "，请先停止它，或设置另一个 LOCAL_STACK_HOME "
                        + "(another local stack runs on " + directory + ": stop it first, or set another LOCAL_STACK_HOME)");
            }
            clear(directory);
            return new WorkDirectory(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not claim " + directory, e);
        }
    }

    /** The embedded servers' data and the relays' offsets of an earlier run: the embedded ones start clean each time. */
    private static void clear(Path directory) throws IOException {
        List<Path> left;
        try (Stream<Path> children = Files.list(directory)) {
            left = children.filter(WorkDirectory::writtenByTheStack).toList();
        }
        for (Path path : left) {
            try (Stream<Path> tree = Files.walk(path)) {
                tree.sorted(Comparator.reverseOrder()).forEach(entry -> entry.toFile().delete());
            }
        }
    }

    private static boolean writtenByTheStack(Path child) {
        String name = child.getFileName().toString();
        return name.startsWith("postgres-") || name.equals("kafka") || name.endsWith("-offsets");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
