package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;

import io.github.healthgrpc.benchmarks.processes.PeerProcess;

/**
 * The memory a peer holds after garbage collection, as its {@code heap} command answers:
 * heap in use, direct memory in use (the JDK's and Netty's own), resident set size.
 *
 * @param heap bytes of heap in use
 * @param direct bytes of direct memory in use
 * @param residentSetSize bytes resident, or -1 where the system does not say
 */
record PeerMemory(long heap, long direct, long residentSetSize) {

	static PeerMemory of(PeerProcess process) throws IOException {
		String[] words = process.ask("heap").split(" ");
		return new PeerMemory(Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]));
	}

}
