package io.github.healthgrpc.grpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.grpc.MethodDescriptor;

/**
 * Passes messages as raw bytes both ways, for calls no generated client would make and
 * for responses exactly as they came over the wire.
 */
public final class ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {

	/**
	 * A method that passes raw bytes both ways.
	 * @param fullMethodName the method's full name, such as {@code demo.Quick/Ping}
	 * @param type the method's type
	 * @return the method
	 */
	public static MethodDescriptor<byte[], byte[]> method(String fullMethodName, MethodDescriptor.MethodType type) {
		ByteArrayMarshaller bytes = new ByteArrayMarshaller();
		return MethodDescriptor.<byte[], byte[]>newBuilder()
			.setType(type)
			.setFullMethodName(fullMethodName)
			.setRequestMarshaller(bytes)
			.setResponseMarshaller(bytes)
			.build();
	}

	@Override
	public InputStream stream(byte[] value) {
		return new ByteArrayInputStream(value);
	}

	@Override
	public byte[] parse(InputStream stream) {
		try {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
