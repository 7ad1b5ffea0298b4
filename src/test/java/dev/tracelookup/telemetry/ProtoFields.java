package dev.tracelookup.telemetry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one protobuf message, read from the wire format without generated classes: enough
 * to walk OTLP export requests by field number ({@link OtlpExports}).
 */
final class ProtoFields {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private final List<Field> fields;

  private ProtoFields(List<Field> fields) {
    this.fields = fields;
  }

  /** One field: its number and, for length-delimited fields, its bytes (a string or a message). */
  record Field(int number, long value, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    ProtoFields message() {
      return ProtoFields.read(bytes);
    }
  }

  /** Reads a message; throws {@link IllegalArgumentException} on bytes that are not protobuf. */
  static ProtoFields read(byte[] message) {
    List<Field> fields = new ArrayList<>();
    int[] at = {0};
    while (at[0] < message.length) {
      long tag = varint(message, at);
      int number = (int) (tag >>> 3);
      int type = (int) (tag & 7);
      if (type == VARINT) {
        fields.add(new Field(number, varint(message, at), new byte[0]));
      } else if (type == FIXED64 || type == FIXED32) {
        at[0] += type == FIXED64 ? 8 : 4;
        fields.add(new Field(number, 0, new byte[0]));
      } else if (type == LENGTH_DELIMITED) {
        int length = (int) varint(message, at);
        if (length < 0 || at[0] + length > message.length) {
          throw new IllegalArgumentException("length past the end of the message");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
        bytes.write(message, at[0], length);
        at[0] += length;
        fields.add(new Field(number, 0, bytes.toByteArray()));
      } else {
        throw new IllegalArgumentException("unsupported wire type " + type);
      }
    }
    if (at[0] != message.length) {
      throw new IllegalArgumentException("fixed-width field past the end of the message");
    }
    return new ProtoFields(fields);
  }

  /** Returns every field with that number, in order. */
  List<Field> all(int number) {
    return fields.stream().filter(field -> field.number() == number).toList();
  }

  /** Returns every message in the fields with that number. */
  List<ProtoFields> messages(int number) {
    return all(number).stream().map(Field::message).toList();
  }

  /** Returns the last string in the field with that number, or empty. */
  String text(int number) {
    List<Field> matching = all(number);
    return matching.isEmpty() ? "" : matching.get(matching.size() - 1).text();
  }

  private static long varint(byte[] message, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= message.length) {
        throw new IllegalArgumentException("varint past the end of the message");
      }
      byte b = message[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes");
  }
}
