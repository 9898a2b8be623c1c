package io.github.healthgrpc.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a peer's CPU samples went, from a JFR recording made with
 * {@code --peer-jvm-option=-XX:StartFlightRecording=filename=<directory>/,settings=profile}:
 * the share of execution samples (outside the {@code main} thread, which only starts the
 * application) whose stack holds a frame of each layer, and the share by thread.
 *
 * <p>
 * {@code java -cp benchmarks/target/health-grpc-benchmarks.jar
 * io.github.healthgrpc.benchmarks.report.JfrProfile <recording.jfr>...}
 */
public final class JfrProfile {

	// Sorted by the digit in front; health-grpc's own code, not the sample's or the
	// benchmarks'.
	private static final Map<String, Predicate<String>> LAYERS = new TreeMap<>(Map.of("1 health-grpc",
			(type) -> type.startsWith("io.github.healthgrpc.") && !type.startsWith("io.github.healthgrpc.benchmarks")
					&& !type.startsWith("io.github.healthgrpc.sample"),
			"2 HealthStatusManager (grpc-services)", (type) -> type.startsWith("io.grpc.protobuf.services."), "3 devh",
			(type) -> type.startsWith("net.devh."), "4 Spring gRPC",
			(type) -> type.startsWith("org.springframework.grpc.") || type.startsWith("org.springframework.boot.grpc."),
			"5 Micrometer", (type) -> type.startsWith("io.micrometer."), "6 protobuf",
			(type) -> type.startsWith("com.google.protobuf."), "7 Netty", (type) -> type.contains("io.netty."),
			"8 grpc-java (not Netty)", (type) -> type.startsWith("io.grpc.") && !type.contains("netty")));

	private JfrProfile() {
	}

	/**
	 * Print the shares of each recording.
	 * @param args the recordings
	 */
	public static void main(String[] args) throws IOException {
		for (String file : args) {
			print(Path.of(file));
		}
	}

	private static String selfLayer(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
				continue;
			}
			return LAYERS.entrySet()
				.stream()
				.filter((layer) -> layer.getValue().test(type))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse("9 other");
		}
		return "0 the JDK alone";
	}

	private static void print(Path file) throws IOException {
		Map<String, Integer> byLayer = new TreeMap<>();
		Map<String, Integer> bySelf = new TreeMap<>();
		Map<String, Integer> byThread = new TreeMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			String thread = event.getThread("sampledThread").getJavaName();
			if ("main".equals(thread)) {
				continue;
			}
			samples++;
			byThread.merge(thread.replaceAll("-?\\d+", "-N"), 1, Integer::sum);
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			LAYERS.forEach((layer, test) -> {
				if (frames.stream().anyMatch((frame) -> test.test(frame.getMethod().getType().getName()))) {
					byLayer.merge(layer, 1, Integer::sum);
				}
			});
			bySelf.merge(selfLayer(frames), 1, Integer::sum);
		}
		System.out.println(file.getFileName() + ": " + samples + " execution samples outside main");
		System.out.println("  stacks holding a frame of (a stack may hold several):");
		int total = samples;
		byLayer.forEach(
				(layer, count) -> System.out.printf("    %5.1f %%  %s%n", 100.0 * count / total, layer.substring(2)));
		System.out.println("  by the layer of the topmost frame outside the JDK (where the time itself went):");
		bySelf.forEach(
				(layer, count) -> System.out.printf("    %5.1f %%  %s%n", 100.0 * count / total, layer.substring(2)));
		System.out.println("  by thread:");
		byThread.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(8)
			.forEach((entry) -> System.out.printf("    %5.1f %%  %s%n", 100.0 * entry.getValue() / total,
					entry.getKey()));
	}

}
