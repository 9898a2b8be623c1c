package io.github.healthgrpc.autoconfigure;

import java.util.Set;

/**
 * The names of the services that the gRPC server will bind, known before it starts.
 */
@FunctionalInterface
interface BoundServiceNames {

	/**
	 * The fully qualified service names.
	 * @return the names
	 */
	Set<String> get();

}
