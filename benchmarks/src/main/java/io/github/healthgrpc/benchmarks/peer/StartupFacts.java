package io.github.healthgrpc.benchmarks.peer;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * What a peer's start cost, read at ready: the classes the JVM loaded, the bean
 * definitions, the process's CPU time so far, and the time Spring's startup steps spent
 * instantiating health-grpc's beans. The harness pairs them between the same application
 * with and without the starter.
 *
 * @param classes classes loaded since the JVM started
 * @param beans bean definitions in the context, {@code -1} without one
 * @param cpuNanos the process's CPU time from its start to ready, every thread
 * @param healthGrpcStepNanos Spring's {@code spring.beans.instantiate} steps of beans
 * whose class is health-grpc's, each counted once (not again inside another of them)
 * @param mainThreadCpuNanos the CPU time of the thread that started the application and
 * asks for these facts
 * @param jitMillis the JIT's accumulated compilation time, every compiler thread;
 * {@code -1} where the JVM does not say
 */
record StartupFacts(long classes, long beans, long cpuNanos, long healthGrpcStepNanos, long mainThreadCpuNanos,
		long jitMillis) {

	private static final String HEALTH_GRPC = "io.github.healthgrpc.";

	static StartupFacts of(@Nullable ConfigurableApplicationContext context,
			@Nullable BufferingApplicationStartup steps) {
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long beans = (context != null) ? context.getBeanDefinitionCount() : -1;
		long stepNanos = (context != null && steps != null) ? healthGrpcSteps(context, steps) : 0;
		long mainThread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long jitMillis = (jit != null && jit.isCompilationTimeMonitoringSupported()) ? jit.getTotalCompilationTime()
				: -1;
		return new StartupFacts(classes, beans, cpu, stepNanos, mainThread, jitMillis);
	}

	/**
	 * Bean instantiations of health-grpc's beans (the demo's and the benchmarks' own
	 * aside), outermost only: a step inside another counted step is already in its
	 * duration.
	 */
	private static long healthGrpcSteps(ConfigurableApplicationContext context, BufferingApplicationStartup steps) {
		Map<Long, TimelineEvent> byId = new HashMap<>();
		Set<Long> counted = new HashSet<>();
		for (TimelineEvent event : steps.getBufferedTimeline().getEvents()) {
			StartupStep step = event.getStartupStep();
			byId.put(step.getId(), event);
			if ("spring.beans.instantiate".equals(step.getName()) && isHealthGrpc(context, beanName(step))) {
				counted.add(step.getId());
			}
		}
		long nanos = 0;
		for (long id : counted) {
			TimelineEvent event = byId.get(id);
			if (!insideCounted(event, byId, counted)) {
				nanos += event.getDuration().toNanos();
			}
		}
		return nanos;
	}

	private static boolean insideCounted(TimelineEvent event, Map<Long, TimelineEvent> byId, Set<Long> counted) {
		Long parent = event.getStartupStep().getParentId();
		while (parent != null) {
			if (counted.contains(parent)) {
				return true;
			}
			TimelineEvent up = byId.get(parent);
			parent = (up != null) ? up.getStartupStep().getParentId() : null;
		}
		return false;
	}

	private static @Nullable String beanName(StartupStep step) {
		for (StartupStep.Tag tag : step.getTags()) {
			if ("beanName".equals(tag.getKey())) {
				return tag.getValue();
			}
		}
		return null;
	}

	private static boolean isHealthGrpc(ConfigurableApplicationContext context, @Nullable String beanName) {
		if (beanName == null || !context.getBeanFactory().containsBeanDefinition(beanName)) {
			return false;
		}
		Class<?> type = context.getBeanFactory().getType(beanName, false);
		// The starter's packages, not the demo application's or the benchmarks' own.
		return type != null && type.getName().startsWith(HEALTH_GRPC)
				&& !type.getName().startsWith(HEALTH_GRPC + "benchmarks.")
				&& !type.getName().startsWith(HEALTH_GRPC + "sample.");
	}

	/**
	 * The facts as the ready line carries them.
	 */
	String line() {
		return this.classes + " " + this.beans + " " + this.cpuNanos + " " + this.healthGrpcStepNanos + " "
				+ this.mainThreadCpuNanos + " " + this.jitMillis;
	}

}
