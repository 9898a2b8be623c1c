package io.github.healthgrpc.benchmarks.peer;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What a health-grpc peer adds in the propagation chain: the polled check of its upstream
 * ({@code bench.polled.target}, {@code bench.polled.service}) on B and C, and the call
 * counter on A ({@code bench.count-calls}); nothing without those properties. Each
 * server's peer adds the counter to its server builder.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.github.healthgrpc.check.HealthCheck")
// Left out where the harness measures the application's start alone.
@ConditionalOnBooleanProperty(name = "bench.harness-beans", matchIfMissing = true)
public class ChainBeans {

	@Bean
	@ConditionalOnBooleanProperty("bench.count-calls")
	CallCounter benchCallCounter() {
		return new CallCounter();
	}

	@Bean
	@ConditionalOnProperty("bench.polled.target")
	PolledUpstream benchPolledUpstream(Environment environment) {
		return new PolledUpstream(environment.getRequiredProperty("bench.polled.target"),
				environment.getRequiredProperty("bench.polled.service"),
				environment.getRequiredProperty("bench.polled.deadline", Duration.class));
	}

}
