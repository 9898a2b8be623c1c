package io.github.healthgrpc.benchmarks.peer;

import java.util.function.Consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Starts a Spring peer, times its context (from before {@code SpringApplication} is
 * created until {@code run} returns) and hands the harness its control line.
 */
public final class SpringPeer {

	private SpringPeer() {
	}

	/**
	 * Run a peer's application.
	 * @param application its configuration class
	 * @param args its command line
	 */
	public static void run(Class<?> application, String[] args) {
		long start = System.nanoTime();
		SpringApplication spring = new SpringApplication(application);
		// Every Spring peer records its startup steps (the same cost with and without the
		// starter), so that the time of health-grpc's beans can be told apart.
		BufferingApplicationStartup steps = StartupSteps.buffer();
		spring.setApplicationStartup(steps);
		ConfigurableApplicationContext context = spring.run(args);
		long millis = (System.nanoTime() - start) / 1_000_000;
		StartupFacts facts = StartupFacts.of(context, steps);
		if (StartupSteps.enabled()) {
			StartupSteps.print(steps);
		}
		// A Consumer<Boolean> bean exists only with health-grpc and the harness's beans
		// (ManualCheckConfiguration).
		ResolvableType manualType = ResolvableType.forClassWithGenerics(Consumer.class, Boolean.class);
		Consumer<Boolean> manual = context.<Consumer<Boolean>>getBeanProvider(manualType).getIfAvailable();
		CallCounter calls = context.getBeanProvider(CallCounter.class).getIfAvailable();
		PeerControl.ready(millis, facts, manual, (calls != null) ? calls::describe : null);
	}

}
