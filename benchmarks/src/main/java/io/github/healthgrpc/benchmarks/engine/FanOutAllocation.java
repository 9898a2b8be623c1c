package io.github.healthgrpc.benchmarks.engine;

import java.io.IOException;
import java.util.Map;

import io.github.healthgrpc.benchmarks.jmh.WatchFanOutBenchmark;

/**
 * The bytes allocated to tell N watchers of one change, over grpc-java's in-process
 * transport (the set-up of {@link WatchFanOutBenchmark}): summed over every thread of
 * this JVM from {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, the
 * thread that makes the change and the ones that tell the watchers alike.
 */
final class FanOutAllocation {

	private FanOutAllocation() {
	}

	/**
	 * Open the watchers, make a few changes to warm up, then measure.
	 * @param service {@code health-grpc} or {@code HealthStatusManager}
	 * @param watchers how many Watch calls
	 * @param changes measured changes
	 * @return bytes allocated per change
	 */
	static double bytesPerChange(String service, int watchers, int changes) throws IOException, InterruptedException {
		WatchFanOutBenchmark fanOut = WatchFanOutBenchmark.open(service, watchers);
		try {
			for (int i = 0; i < changes; i++) {
				fanOut.changeReachesEveryWatcher();
			}
			Map<Long, Long> before = ThreadMeter.allocated();
			for (int i = 0; i < changes; i++) {
				fanOut.changeReachesEveryWatcher();
			}
			return ThreadMeter.growth(before, ThreadMeter.allocated()) / (double) changes;
		}
		finally {
			fanOut.tearDown();
		}
	}

}
