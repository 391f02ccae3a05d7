package sluice.quota.redis;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Encoder;

/**
 * {@link StringCodec} whose arguments are plain heap byte arrays instead of pooled direct
 * buffers. A hot-path command carries dozens of small arguments (an admission: 5 keys and 22
 * numbers); Redisson encodes them on the calling event loop and frees them on its own thread
 * after writing, and a pooled buffer freed on another thread than it came from takes Netty's
 * slow, shared path (bench/cost profile: 11 % of the event loops' CPU in the pool's allocate,
 * 8 % of Redisson's in its deallocate). A heap array costs a TLAB bump and leaves the rest to
 * the young GC. Replies decode exactly as with {@link StringCodec}.
 */
public final class HeapStringCodec extends StringCodec {
    public static final HeapStringCodec INSTANCE = new HeapStringCodec();

    private static final Encoder ENCODER = value -> Unpooled.wrappedBuffer(
            value.toString().getBytes(StandardCharsets.UTF_8));

    @Override
    public Encoder getValueEncoder() {
        return ENCODER;
    }

    @Override
    public Encoder getMapKeyEncoder() {
        return ENCODER;
    }

    @Override
    public Encoder getMapValueEncoder() {
        return ENCODER;
    }
}
