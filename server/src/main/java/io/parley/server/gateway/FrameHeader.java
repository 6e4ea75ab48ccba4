package io.parley.server.gateway;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.parley.protocol.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A frame's ref and kind read from its encoding without decoding the payload: cheap enough to tag every
 * outgoing frame, and it still finds the ref of a frame too large or too broken to decode, so even that
 * error reply can name the frame it answers.
 */
record FrameHeader(long ref, Frame.KindCase kind) {

    private static final int REF_FIELD = Frame.REF_FIELD_NUMBER;

    static FrameHeader of(byte[] encoded) {
        return read(CodedInputStream.newInstance(encoded));
    }

    static FrameHeader of(ByteBuffer encoded) {
        return read(CodedInputStream.newInstance(encoded.duplicate()));
    }

    /** Reads top-level fields until both are known; whatever cannot be read stays 0 / KIND_NOT_SET. */
    private static FrameHeader read(CodedInputStream in) {
        long ref = 0;
        boolean refSeen = false;
        Frame.KindCase kind = Frame.KindCase.KIND_NOT_SET;
        try {
            for (int tag = in.readTag(); tag != 0 && (!refSeen || kind == Frame.KindCase.KIND_NOT_SET); tag = in.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == REF_FIELD && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                    ref = in.readUInt64();
                    refSeen = true;
                } else {
                    Frame.KindCase known = Frame.KindCase.forNumber(field);
                    if (known != null && known != Frame.KindCase.KIND_NOT_SET) {
                        kind = known;
                    }
                    if (!in.skipField(tag)) {
                        break;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException truncatedOrGarbage) {
            // keep what was read before the damage
        }
        return new FrameHeader(ref, kind);
    }
}
