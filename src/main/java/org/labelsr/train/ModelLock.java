package org.labelsr.train;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.labelsr.LsrException;
import org.labelsr.Progress;

/**
 * One training run at a time in a model folder: an operating-system lock on
 * {@code MODEL_DIR/training.lock}, held from the first write to the last.
 * <p>
 * The lock belongs to the open file, not to the file's existence: the
 * operating system drops it when the process ends, however it ends (kill -9,
 * a crash, a power cut), so the file a dead process leaves locks nothing and
 * the next run simply takes it. The file stays after a run (deleting it would
 * let a run that opened it just before lock a file no longer in the folder,
 * while a third creates and locks a new one). What it says (process, host,
 * start) only names the holder in a refusal and is emptied on release. It is
 * written in place, not through {@code AtomicFiles}: a rename would put a
 * new, unlocked file where the locked one was.
 */
public final class ModelLock implements AutoCloseable {

	public static final String FILE = "training.lock";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

	/**
	 * The notes of the locks this process holds. POSIX drops all of a
	 * process's locks on a file when the process closes any descriptor of it,
	 * so the holder must never open the lock file again, not even to read it.
	 */
	private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

	private final FileChannel channel;
	private final FileLock lock;
	private final Path file;

	private ModelLock(final FileChannel channel, final FileLock lock, final Path file) {
		this.channel = channel;
		this.lock = lock;
		this.file = file;
	}

	/**
	 * Takes the folder's lock, or refuses naming the run that holds it. A file
	 * system without locks (some network mounts) gets a warning, not a refusal:
	 * the run then goes on unprotected, as before locks existed.
	 */
	public static synchronized ModelLock acquire(final Path modelDir, final Progress progress) {
		final Path file = modelDir.resolve(FILE).toAbsolutePath().normalize();
		// this process (e.g. Fiji running two commands) already trains into the folder: opening the file again would drop that lock
		if (HELD.containsKey(file)) throw inUse(modelDir, HELD.get(file));
		final FileChannel ch = open(file);
		final FileLock lock;
		try {
			lock = ch.tryLock();
		}
		catch (final OverlappingFileLockException e) {
			// the same file by another path (a link): refused all the same
			throw inUse(modelDir, "");
		}
		catch (final IOException e) {
			closeQuietly(ch);
			progress.warn("cannot lock " + file + " (" + e.getMessage() + "; a file system without locks?): make sure no other training writes into " + modelDir);
			return new ModelLock(null, null, file);
		}
		if (lock == null) {
			closeQuietly(ch);
			throw inUse(modelDir, read(file));
		}
		final String note = holder();
		write(ch, note); // a note that cannot be written (disk full) only costs a refusal its holder's name
		HELD.put(file, note);
		return new ModelLock(ch, lock, file);
	}

	private static FileChannel open(final Path file) {
		try {
			Files.createDirectories(file.getParent());
			return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		}
		catch (final IOException e) {
			throw LsrException.at(file, "cannot open the model folder's lock file: " + e.getMessage());
		}
	}

	private static void write(final FileChannel ch, final String note) {
		try {
			ch.truncate(0);
			ch.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
			ch.force(false);
		}
		catch (final IOException e) {
			// see acquire
		}
	}

	/** Only ever called by another process than the holder: see {@link #HELD}. */
	private static String read(final Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			return "";
		}
	}

	/** "process 1234 on host H since 2026-12-04 23:50:00 UTC" */
	private static String holder() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (final IOException e) {
			host = System.getenv().getOrDefault("HOSTNAME", "unknown");
		}
		return "process " + ProcessHandle.current().pid() + " on host " + host + " since " + WHEN.format(Instant.now()) + "\n";
	}

	private static LsrException inUse(final Path modelDir, final String note) {
		final String who = note.strip();
		return new LsrException("model folder " + modelDir + " is in use by " + (who.isEmpty() ? "another training run" : who)
			+ "; wait for that run to end (or stop it), or train into another folder");
	}

	/** Empties the note and releases the lock (the operating system would release it at exit anyway). */
	@Override
	public void close() {
		if (channel == null) return;
		try {
			channel.truncate(0);
		}
		catch (final IOException e) {
			// a stale note names a process that no longer holds the lock: harmless
		}
		try {
			lock.release();
		}
		catch (final IOException e) {
			// closing the channel below releases it too
		}
		closeQuietly(channel);
		HELD.remove(file);
	}

	private static void closeQuietly(final FileChannel ch) {
		try {
			ch.close();
		}
		catch (final IOException ignored) {
			// nothing was written through it that matters
		}
	}
}
