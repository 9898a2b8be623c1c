package io.github.healthgrpc.benchmarks.peer;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * Spring's own startup steps, for a profile of where a context's start goes: with
 * {@code -Dbench.startupSteps=true} a peer records them and prints the longest ones (bean
 * instantiations include the beans they create on the way).
 */
final class StartupSteps {

	private static final int SHOWN = 40;

	private StartupSteps() {
	}

	static boolean enabled() {
		return Boolean.getBoolean("bench.startupSteps");
	}

	static BufferingApplicationStartup buffer() {
		return new BufferingApplicationStartup(100_000);
	}

	static void print(BufferingApplicationStartup startup) {
		System.out.println("startup steps, longest first:");
		startup.getBufferedTimeline()
			.getEvents()
			.stream()
			.sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
			.limit(SHOWN)
			.forEach((event) -> System.out.println("  " + millis(event.getDuration()) + " ms "
					+ event.getStartupStep().getName() + " " + tags(event)));
	}

	private static String tags(TimelineEvent event) {
		return StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
			.map((tag) -> tag.getKey() + "=" + tag.getValue())
			.collect(Collectors.joining(" "));
	}

	private static String millis(Duration duration) {
		return String.format("%6.1f", duration.toNanos() / 1e6);
	}

}
