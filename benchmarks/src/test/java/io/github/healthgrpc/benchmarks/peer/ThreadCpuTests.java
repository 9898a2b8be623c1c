package io.github.healthgrpc.benchmarks.peer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.benchmarks.peer.ThreadCpu.Group;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thread CPU by group: lines of {@code /proc/<pid>/task/<tid>/stat} as Linux writes them,
 * thread names as HotSpot, grpc-java and Netty give them.
 */
class ThreadCpuTests {

	// A C2 compiler thread with 1,234 ticks in user mode and 56 in the kernel.
	private static final String COMPILER = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194624 3021 0 0 0 1234 56 0 0 "
			+ "20 0 25 0 1234567 5000000000 30000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0";

	// A name with a space and a closing parenthesis in it, as a thread may well have.
	private static final String ODD_NAME = "4300 (pool (a) 1) R 1 4242 4242 0 -1 4194624 10 0 0 0 7 3 0 0 20 0 25 0 "
			+ "1234600 5000000000 30000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 -1 0 0 0 0 0 0";

	@Test
	void readsTheNameAndCpuTimeOfAProcStatLine() {
		assertThat(ThreadCpu.name(COMPILER)).isEqualTo("C2 CompilerThre");
		// (utime + stime) ticks of 10 ms.
		assertThat(ThreadCpu.cpuNanos(COMPILER)).isEqualTo(1_290 * 10_000_000L);
		assertThat(ThreadCpu.name(ODD_NAME)).isEqualTo("pool (a) 1");
		assertThat(ThreadCpu.cpuNanos(ODD_NAME)).isEqualTo(10 * 10_000_000L);
	}

	@Test
	void groupsThreadsByName() {
		assertThat(ThreadCpu.group(ThreadCpu.name(COMPILER))).isEqualTo(Group.JIT);
		assertThat(ThreadCpu.group("C1 CompilerThre")).isEqualTo(Group.JIT);
		assertThat(ThreadCpu.group("GC Thread#0")).isEqualTo(Group.GC);
		assertThat(ThreadCpu.group("G1 Conc#0")).isEqualTo(Group.GC);
		assertThat(ThreadCpu.group("G1 Refine#0")).isEqualTo(Group.GC);
		assertThat(ThreadCpu.group("G1 Main Marker")).isEqualTo(Group.GC);
		assertThat(ThreadCpu.group("grpc-default-executor-3")).isEqualTo(Group.REQUEST);
		assertThat(ThreadCpu.group("grpc-default-worker-ELG-3-1")).isEqualTo(Group.REQUEST);
		assertThat(ThreadCpu.group("grpc-nio-worker-ELG-1-2")).isEqualTo(Group.REQUEST);
		assertThat(ThreadCpu.group("grpc-default-wo")).isEqualTo(Group.REQUEST);
		assertThat(ThreadCpu.group("main")).isEqualTo(Group.OTHER);
		assertThat(ThreadCpu.group("VM Thread")).isEqualTo(Group.OTHER);
		assertThat(ThreadCpu.group("health-grpc-timer-1")).isEqualTo(Group.OTHER);
		assertThat(ThreadCpu.group("pool (a) 1")).isEqualTo(Group.OTHER);
	}

	@Test
	void aSampleOfThisProcessSplitsItsCpuTime() throws InterruptedException {
		ThreadCpu.Sample before = ThreadCpu.sample();
		// 50 ms of CPU on a thread named like grpc-java's executor, alive when sampled.
		CountDownLatch burned = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread burner = new Thread(() -> {
			burn();
			burned.countDown();
			awaitQuietly(release);
		}, "grpc-default-executor-test");
		burner.start();
		assertThat(burned.await(10, TimeUnit.SECONDS)).isTrue();
		ThreadCpu.Sample spent = ThreadCpu.sample().minus(before);
		release.countDown();
		burner.join();
		System.out.printf("this JVM over the test: request %d ms, JIT %d ms, GC %d ms, other %d ms, process %d ms%n",
				spent.requestNanos() / 1_000_000, spent.jitNanos() / 1_000_000, spent.gcNanos() / 1_000_000,
				spent.otherNanos() / 1_000_000, spent.processNanos() / 1_000_000);
		assertThat(spent.requestNanos()).isBetween(40_000_000L, spent.processNanos());
		assertThat(ThreadCpu.sample().jitNanos()).as("this JVM has compiled something by now").isPositive();
		ThreadCpu.Sample sample = ThreadCpu.sample();
		assertThat(ThreadCpu.Sample.decode(sample.encode())).isEqualTo(sample);
	}

	private static void burn() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long end = threads.getCurrentThreadCpuTime() + 50_000_000;
		while (threads.getCurrentThreadCpuTime() < end) {
			Thread.onSpinWait();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
