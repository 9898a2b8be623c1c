package io.github.healthgrpc.benchmarks.processes;

/**
 * What a peer's start cost, as the peer counted it when it was ready (its {@code ready}
 * line).
 *
 * @param classes classes its JVM had loaded
 * @param beanDefinitions bean definitions in its context ({@code -1} for the bare peer)
 * @param cpuNanos its process's CPU time from the JVM's start to ready
 * @param healthGrpcStepNanos Spring's startup steps instantiating health-grpc's beans
 * @param mainThreadCpuNanos the CPU time of the thread that started the application
 * @param jitMillis the time the JIT's compiler threads spent compiling
 * @since 0.1.0
 */
public record StartCost(long classes, long beanDefinitions, long cpuNanos, long healthGrpcStepNanos,
		long mainThreadCpuNanos, long jitMillis) {

	/**
	 * Read the fields of a ready line.
	 * @param fields {@code ready <context ms> <uptime ms> <classes> <beans> <CPU ns>
	 * <steps ns> <main thread CPU ns> <JIT ms>}
	 */
	static StartCost parse(String[] fields) {
		return new StartCost(Long.parseLong(fields[3]), Long.parseLong(fields[4]), Long.parseLong(fields[5]),
				Long.parseLong(fields[6]), Long.parseLong(fields[7]), Long.parseLong(fields[8]));
	}

}
