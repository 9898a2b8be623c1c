package io.github.healthgrpc.benchmarks.processes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How every peer of a run is started: its part of the class path, and the JVM options the
 * command line added for all of them (such as a JFR recording, for a profile).
 *
 * @param classPath the benchmarks' class path
 * @param extraJvmOptions more JVM options for every peer
 */
public record PeerLauncher(ClassPath classPath, List<String> extraJvmOptions) {

	public PeerProcess start(Peer peer, int grpcPort, String pricingAddress, Path log) throws IOException {
		return start(peer, grpcPort, pricingAddress, List.of(), log);
	}

	/**
	 * Start a peer with more arguments than its own, such as the settings of its place in
	 * the propagation chain.
	 */
	public PeerProcess start(Peer peer, int grpcPort, String pricingAddress, List<String> extraArguments, Path log)
			throws IOException {
		List<String> arguments = new ArrayList<>(peer.arguments(grpcPort, pricingAddress));
		arguments.addAll(extraArguments);
		return PeerProcess.start(peer, this, arguments, log);
	}

	/**
	 * Start a peer to measure its start: the application alone, without the harness's own
	 * beans (see {@link Peer#startupArguments}).
	 */
	public PeerProcess startAlone(Peer peer, int grpcPort, String pricingAddress, Path log) throws IOException {
		return PeerProcess.start(peer, this, peer.startupArguments(grpcPort, pricingAddress), log);
	}

}
