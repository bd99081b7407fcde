package org.labelsr.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak memory of this process, for benchmark lines. The heap's used size
 * mostly measures garbage not yet collected; what the work really holds is
 * the heap left after a collection, so {@link #start()} watches every
 * collection and keeps the largest remainder. Also the peak resident set,
 * which includes TensorFlow's native memory.
 */
final class PeakMemory {

	private static final AtomicLong LIVE = new AtomicLong();
	private static final AtomicLong COLLECTIONS = new AtomicLong();
	private static boolean started;

	private PeakMemory() {}

	/** Starts watching garbage collections; call first thing in a command that reports memory. */
	static synchronized void start() {
		if (started) return;
		started = true;
		for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (!(gc instanceof NotificationEmitter)) continue;
			((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
				if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
				final GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
				long heap = 0;
				for (final Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet())
					if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Compressed")) heap += e.getValue().getUsed();
				COLLECTIONS.incrementAndGet();
				LIVE.accumulateAndGet(heap, Math::max);
			}, null, null);
		}
	}

	static String report() {
		final long max = Runtime.getRuntime().maxMemory();
		return String.format(Locale.ROOT, "peak Java heap after GC %d MB over %d collections (limit %d MB), peak resident %s",
			LIVE.get() >> 20, COLLECTIONS.get(), max >> 20, residentPeak());
	}

	private static String residentPeak() {
		final double mb = org.labelsr.bench.Timing.peakRssMb();
		return Double.isNaN(mb) ? "unknown" : Math.round(mb) + " MB";
	}
}
