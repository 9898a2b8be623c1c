package io.github.healthgrpc.resources;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the heap's long-lived (old, tenured) pools after their last collection, from the
 * JVM's memory pool MXBeans.
 *
 * <p>
 * Used heap in general rises with every allocation and falls with every young collection,
 * so it crosses any threshold many times a minute on a healthy heap. What a collection of
 * the long-lived pool leaves behind is what the application retains: the figure an
 * operator means by "heap after GC". Written by hand because the JDK has no notion of a
 * long-lived pool and Micrometer's ({@code JvmMemory}, an optional dependency here) is
 * not public; the pool names are those of the JDK's and OpenJ9's collectors. Where no
 * such pool reports a collection (the Epsilon collector, an unknown JVM), the heap as a
 * whole is read instead, as it is now.
 *
 * @since 0.1.0
 */
public final class LongLivedHeap implements Supplier<HeapReading> {

	private final List<MemoryPoolMXBean> pools;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	/**
	 * Create a reader of this JVM's long-lived heap pools.
	 */
	public LongLivedHeap() {
		this.pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && isLongLived(pool.getName())
					&& pool.getCollectionUsage() != null)
			.toList();
	}

	@Override
	public HeapReading get() {
		if (this.pools.isEmpty()) {
			MemoryUsage heap = this.memory.getHeapMemoryUsage();
			return new HeapReading("heap, no long-lived pool", heap.getUsed(), heap.getMax());
		}
		long used = 0;
		long max = 0;
		for (MemoryPoolMXBean pool : this.pools) {
			MemoryUsage afterCollection = pool.getCollectionUsage();
			used += afterCollection.getUsed();
			long poolMax = (afterCollection.getMax() >= 0) ? afterCollection.getMax() : pool.getUsage().getMax();
			max = (max < 0 || poolMax < 0) ? -1 : max + poolMax;
		}
		if (max < 0) {
			max = this.memory.getHeapMemoryUsage().getMax();
		}
		return new HeapReading(this.pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.joining(", ")),
				used, max);
	}

	static boolean isLongLived(String name) {
		return name.endsWith("Old Gen") || name.endsWith("Tenured Gen") || name.equals("Shenandoah")
				|| name.equals("Shenandoah Old Generation") || name.equals("ZHeap") || name.equals("ZGC Old Generation")
				|| name.endsWith("balanced-old") || name.contains("tenured") || name.equals("JavaHeap");
	}

}
