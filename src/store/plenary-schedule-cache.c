/* plenary-schedule-cache.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing a large programme's JSON takes seconds; this file holds what the parse produced, as
 * one GVariant that is mapped and read in a few milliseconds. The JSON stays the source of
 * truth: the cache names the SHA-256 of each part it was built from (as meta.json records
 * them) and a stamp of each part file (device, inode, size, mtime) taken when they were last
 * verified, and is rebuilt whenever any of that differs, or when it is damaged.
 *
 * It lives in the event's directory, so that it goes wherever the snapshot goes (removal of
 * the event, a copied data directory). previous/ needs no cache: the hashes say whether the
 * cache belongs to the snapshot that is loaded.
 *
 * Tables of fixed-size records (read in place with g_variant_get_fixed_array()) refer to
 * each other and to one string table by index; every index is checked before use, since
 * the file is not trusted. The schedule's entries and people point into the mapping
 * instead of copying their strings.
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include "model/plenary-schedule-builder.h"
#include "plenary-schedule-cache.h"
#include "plenary-schedule-cache-fields.h"
#include "plenary-store.h"

#define CACHE_MAGIC   G_GUINT64_CONSTANT (0x31454843414c4e50) /* "PLNCACH1" */
#define CACHE_VERSION 2   /* 2: server strings capped and cleaned by the parser */
#define NONE          G_MAXUINT32
#define MAX_STRING_BYTES (64 * 1024)
#define NO_TIME       G_MININT64

G_DEFINE_QUARK (plenary-schedule-cache-error-quark, plenary_schedule_cache_error)

/* The first two members never change, so that any version's header can be read. */
#define EVENT_TYPE    "(xxuuuuuu)"
#define DAY_TYPE      "(xuu)"
#define ROOM_TYPE     "(uuy)"
#define TRACK_TYPE    "(xiuuuy)"
#define PERSON_TYPE   "(xuuuuuuuy)"
#define KEY_TYPE      "(uu)"
#define ENTRY_TYPE    "(" ENTRY_FIELDS (FIELD_TYPE) ")"
#define ATTACH_TYPE   "(uuu)"
#define CACHE_TYPE    "(tuasasayau" EVENT_TYPE "a" DAY_TYPE "au" "a" ROOM_TYPE "a" TRACK_TYPE \
                      "a" PERSON_TYPE "a" KEY_TYPE "a" ENTRY_TYPE "au" "a" ATTACH_TYPE ")"

enum
{
  FIELD_MAGIC,
  FIELD_VERSION,
  FIELD_HASHES,
  FIELD_STAMPS,
  FIELD_STRINGS,
  FIELD_OFFSETS,
  FIELD_EVENT,
  FIELD_DAYS,
  FIELD_DAY_ITEMS,
  FIELD_ROOMS,
  FIELD_TRACKS,
  FIELD_PEOPLE,
  FIELD_PERSON_KEYS,
  FIELD_ENTRIES,
  FIELD_PERSON_REFS,
  FIELD_ATTACHMENTS,
};

/* Each matches its GVariant type member for member, so that the C layout is the GVariant
 * layout (both align every member to its size and pad the end to the largest). */
typedef struct
{
  gint64  start;
  gint64  end;
  guint32 event_id;
  guint32 title;
  guint32 server_base;
  guint32 url;
  guint32 venue;
  guint32 timezone_id;
} CacheEvent;

typedef struct
{
  gint64  date;
  guint32 items_start;
  guint32 n_items;
} CacheDay;

enum { FLAG_LISTED = 1 << 0 };

typedef struct
{
  guint32 name;
  guint32 venue;
  guint8  flags;
} CacheRoom;

typedef struct
{
  gint64  id;
  gint32  position;
  guint32 title;
  guint32 code;
  guint32 description;
  guint8  flags;
} CacheTrack;

typedef struct
{
  gint64  person_id;
  guint32 key;
  guint32 email_hash;
  guint32 first_name;
  guint32 family_name;
  guint32 name;
  guint32 affiliation;
  guint32 sort_key;
  guint8  flags;
} CachePerson;

typedef struct
{
  guint32 key;
  guint32 person;
} CacheKey;

enum { ENTRY_POSTER = 1 << 0, ENTRY_UNSCHEDULED = 1 << 1 };

typedef struct
{
  guint32 start;
  guint32 n;
} CacheRange;

/* The entry record, described once: each row is a member of CacheEntry and of ENTRY_TYPE, in
 * this order, and says what it holds (see plenary-schedule-cache-fields.h); the writer, the
 * reader and the tests go through the rows. */
#define ENTRY_FIELDS(F) \
  F (contribution_id, gint64,     "x",  NUMBER,      PLENARY_ENTRY_CONTRIBUTION_ID) \
  F (friendly_id,     gint64,     "x",  NUMBER,      PLENARY_ENTRY_FRIENDLY_ID) \
  F (session_id,      gint64,     "x",  NUMBER,      PLENARY_ENTRY_SESSION_ID) \
  F (start,           gint64,     "x",  TIME,        PLENARY_ENTRY_START) \
  F (end,             gint64,     "x",  TIME,        PLENARY_ENTRY_END) \
  F (id,              guint32,    "u",  STRING,      PLENARY_ENTRY_ID) \
  F (user_key,        guint32,    "u",  STRING,      PLENARY_ENTRY_USER_KEY) \
  F (title,           guint32,    "u",  STRING,      PLENARY_ENTRY_TITLE) \
  F (full_title,      guint32,    "u",  STRING,      PLENARY_ENTRY_FULL_TITLE) \
  F (block_title,     guint32,    "u",  STRING,      PLENARY_ENTRY_BLOCK_TITLE) \
  F (session_title,   guint32,    "u",  STRING,      PLENARY_ENTRY_SESSION_TITLE) \
  F (venue,           guint32,    "u",  STRING,      PLENARY_ENTRY_VENUE) \
  F (color,           guint32,    "u",  STRING,      PLENARY_ENTRY_COLOR) \
  F (text_color,      guint32,    "u",  STRING,      PLENARY_ENTRY_TEXT_COLOR) \
  F (type_name,       guint32,    "u",  STRING,      PLENARY_ENTRY_TYPE_NAME) \
  F (code,            guint32,    "u",  STRING,      PLENARY_ENTRY_CODE) \
  F (board_number,    guint32,    "u",  STRING,      PLENARY_ENTRY_BOARD_NUMBER) \
  F (description,     guint32,    "u",  DESCRIPTION, PLENARY_ENTRY_DESCRIPTION) \
  F (url,             guint32,    "u",  STRING,      PLENARY_ENTRY_URL) \
  F (day_index,       gint32,     "i",  NUMBER,      PLENARY_ENTRY_DAY_INDEX) \
  F (room,            gint32,     "i",  ROOM,        0) \
  F (track,           gint32,     "i",  TRACK,       0) \
  F (block,           gint32,     "i",  BLOCK,       0) \
  F (speakers,        CacheRange, "uu", PEOPLE,      PLENARY_ENTRY_SPEAKERS) \
  F (authors,         CacheRange, "uu", PEOPLE,      PLENARY_ENTRY_AUTHORS) \
  F (attachments,     CacheRange, "uu", ATTACHMENTS, 0) \
  F (kind,            guint8,     "y",  KIND,        0) \
  F (flags,           guint8,     "y",  FLAGS,       0)

#define FIELD_MEMBER(name, ctype, type, kind, field) ctype name;
#define FIELD_TYPE(name, ctype, type, kind, field) type
#define FIELD_ROW(name, ctype, type, kind, field) \
  { #name, type, PLENARY_CACHE_FIELD_##kind, field, G_STRUCT_OFFSET (CacheEntry, name), \
    sizeof (ctype) },

/* The C layout is the GVariant layout: both align every member to its size and pad the end
 * to the largest. */
typedef struct
{
  ENTRY_FIELDS (FIELD_MEMBER)
} CacheEntry;

static const PlenaryCacheField entry_fields[] = { ENTRY_FIELDS (FIELD_ROW) };

const PlenaryCacheField *
plenary_schedule_cache_get_entry_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (entry_fields);
  return entry_fields;
}

const char *
plenary_schedule_cache_get_type_string (void)
{
  return CACHE_TYPE;
}

typedef struct
{
  guint32 title;
  guint32 url;
  guint32 folder;
} CacheAttachment;

G_STATIC_ASSERT (sizeof (CacheEvent) == 40);
G_STATIC_ASSERT (sizeof (CacheDay) == 16);
G_STATIC_ASSERT (sizeof (CacheRoom) == 12);
G_STATIC_ASSERT (sizeof (CacheTrack) == 32);
G_STATIC_ASSERT (sizeof (CachePerson) == 40);
G_STATIC_ASSERT (sizeof (CacheKey) == 8);
G_STATIC_ASSERT (sizeof (CacheEntry) == 144);
G_STATIC_ASSERT (sizeof (CacheAttachment) == 12);

static const char *part_names[] = { "timetable", "event", "program" };

static const char *
source_sha256 (const PlenaryScheduleCacheSource *source,
               guint                             part)
{
  return source->sha256[part] != NULL ? source->sha256[part] : "";
}

static gint64
time_to_us (GDateTime *time)
{
  if (time == NULL)
    return NO_TIME;
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* Writing */

typedef struct
{
  GHashTable *index;    /* string → index + 1 */
  GString    *blob;
  GArray     *offsets;  /* guint32 */
} StringTable;

/* A string that is one talk's own (an abstract): stored as it is. Looking for a copy first
 * hashed every abstract, most of the bytes, for the few that repeat. */
static guint32
string_append (StringTable *table,
               const char  *text)
{
  guint32 offset = table->blob->len;

  g_string_append_len (table->blob, text, strlen (text) + 1);
  g_array_append_val (table->offsets, offset);
  return table->offsets->len - 1;
}

/* A string that may repeat (a room, a session, a name): stored once. */
static guint32
string_add (StringTable *table,
            const char  *text)
{
  gpointer found;
  guint32 index;

  if (text == NULL)
    return NONE;
  found = g_hash_table_lookup (table->index, text);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  index = string_append (table, text);
  g_hash_table_insert (table->index, (char *) text, GUINT_TO_POINTER (index + 1));
  return index;
}

/* Pointer → index in a table being written, adding it at the end when new. */
static gint32
object_index (GHashTable *indices,
              GPtrArray  *objects,
              gpointer    object)
{
  gpointer found;

  if (object == NULL)
    return -1;
  if (g_hash_table_lookup_extended (indices, object, NULL, &found))
    return GPOINTER_TO_INT (found);
  g_hash_table_insert (indices, object, GINT_TO_POINTER (objects->len));
  g_ptr_array_add (objects, object);
  return objects->len - 1;
}

static GVariant *
fixed_array (const char *element_type,
             GArray     *array,
             gsize       element_size)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE (element_type), array->data, array->len,
                                    element_size);
}

static GVariant *
strv_variant (const char * const *strings,
              guint               n)
{
  g_autoptr (GPtrArray) copy = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copy, (char *) (strings[i] != NULL ? strings[i] : ""));
  return g_variant_new_strv ((const char * const *) copy->pdata, copy->len);
}

#define peek_string plenary_schedule_builder_peek_string

/* Where an entry's references go while the tables are written. */
typedef struct
{
  StringTable *strings;
  GHashTable  *entry_index;
  GHashTable  *room_index;
  GPtrArray   *rooms;
  GHashTable  *track_index;
  GPtrArray   *tracks;
  GHashTable  *person_index;
  GPtrArray   *people;
  GArray      *person_refs;   /* guint32 */
  GArray      *attachments;   /* CacheAttachment */
} EntryWriter;

static void
write_field (EntryWriter             *writer,
             PlenaryEntry            *entry,
             gboolean                 unscheduled,
             const PlenaryCacheField *field,
             gpointer                 member)
{
  gint64 number;
  gint32 index;
  guint32 string;
  guint8 byte;
  CacheRange range;
  gpointer found;

  switch (field->kind)
    {
    case PLENARY_CACHE_FIELD_NUMBER:
      number = plenary_schedule_builder_get_entry_number (entry, field->model_field);
      if (field->size == sizeof (gint32))
        {
          index = (gint32) number;
          memcpy (member, &index, sizeof index);
        }
      else
        memcpy (member, &number, sizeof number);
      break;

    case PLENARY_CACHE_FIELD_TIME:
      number = time_to_us (plenary_schedule_builder_get_entry_time (entry, field->model_field));
      memcpy (member, &number, sizeof number);
      break;

    case PLENARY_CACHE_FIELD_STRING:
      string = string_add (writer->strings,
                           plenary_schedule_builder_get_entry_string (entry, field->model_field));
      memcpy (member, &string, sizeof string);
      break;

    case PLENARY_CACHE_FIELD_DESCRIPTION:
      /* See write_descriptions(). */
      string = NONE;
      memcpy (member, &string, sizeof string);
      break;

    case PLENARY_CACHE_FIELD_ROOM:
      index = object_index (writer->room_index, writer->rooms, plenary_entry_get_room (entry));
      memcpy (member, &index, sizeof index);
      break;

    case PLENARY_CACHE_FIELD_TRACK:
      index = object_index (writer->track_index, writer->tracks,
                            plenary_entry_get_track (entry));
      memcpy (member, &index, sizeof index);
      break;

    case PLENARY_CACHE_FIELD_BLOCK:
      index = -1;
      if (plenary_entry_get_block (entry) != NULL
          && g_hash_table_lookup_extended (writer->entry_index, plenary_entry_get_block (entry),
                                           NULL, &found))
        index = GPOINTER_TO_INT (found);
      memcpy (member, &index, sizeof index);
      break;

    case PLENARY_CACHE_FIELD_PEOPLE:
      {
        GPtrArray *list = field->model_field == PLENARY_ENTRY_SPEAKERS
                          ? plenary_entry_get_speakers (entry)
                          : plenary_entry_get_authors (entry);

        range.start = writer->person_refs->len;
        range.n = list->len;
        for (guint j = 0; j < list->len; j++)
          {
            guint32 person = object_index (writer->person_index, writer->people,
                                           g_ptr_array_index (list, j));

            g_array_append_val (writer->person_refs, person);
          }
        memcpy (member, &range, sizeof range);
      }
      break;

    case PLENARY_CACHE_FIELD_ATTACHMENTS:
      {
        GPtrArray *files = plenary_entry_get_attachments (entry);

        range.start = writer->attachments->len;
        range.n = files->len;
        for (guint j = 0; j < files->len; j++)
          {
            PlenaryAttachment *file = g_ptr_array_index (files, j);
            CacheAttachment attachment = {
              string_add (writer->strings, file->title),
              string_add (writer->strings, file->url),
              string_add (writer->strings, file->folder),
            };

            g_array_append_val (writer->attachments, attachment);
          }
        memcpy (member, &range, sizeof range);
      }
      break;

    case PLENARY_CACHE_FIELD_KIND:
      byte = plenary_entry_get_kind (entry);
      memcpy (member, &byte, sizeof byte);
      break;

    case PLENARY_CACHE_FIELD_FLAGS:
      byte = (plenary_entry_get_is_poster (entry) ? ENTRY_POSTER : 0)
             | (unscheduled ? ENTRY_UNSCHEDULED : 0);
      memcpy (member, &byte, sizeof byte);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_entry (EntryWriter  *writer,
             PlenaryEntry *entry,
             gboolean      unscheduled,
             CacheEntry   *record)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    write_field (writer, entry, unscheduled, &entry_fields[i],
                 (guint8 *) record + entry_fields[i].offset);
}

/* Descriptions last, together: they are read from the mapping only when shown, so their
 * pages need not be touched at start-up. */
static void
write_descriptions (EntryWriter  *writer,
                    PlenaryEntry *entry,
                    CacheEntry   *record)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    if (entry_fields[i].kind == PLENARY_CACHE_FIELD_DESCRIPTION)
      {
        const char *text = plenary_schedule_builder_get_entry_string (entry,
                                                                      entry_fields[i].model_field);
        guint32 string = text != NULL && *text != '\0' ? string_append (writer->strings, text)
                                                        : NONE;

        memcpy ((guint8 *) record + entry_fields[i].offset, &string, sizeof string);
      }
}

GBytes *
plenary_schedule_cache_serialize (PlenarySchedule                  *schedule,
                                  const PlenaryScheduleCacheSource *source)
{
  g_autoptr (GHashTable) entry_index = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) room_index = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) track_index = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) person_index = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  g_autoptr (GPtrArray) rooms = g_ptr_array_new ();
  g_autoptr (GPtrArray) tracks = g_ptr_array_new ();
  g_autoptr (GPtrArray) people = g_ptr_array_new ();
  g_autoptr (GArray) days = g_array_new (FALSE, TRUE, sizeof (CacheDay));
  g_autoptr (GArray) day_items = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_autoptr (GArray) room_records = g_array_new (FALSE, TRUE, sizeof (CacheRoom));
  g_autoptr (GArray) track_records = g_array_new (FALSE, TRUE, sizeof (CacheTrack));
  g_autoptr (GArray) person_records = g_array_new (FALSE, TRUE, sizeof (CachePerson));
  g_autoptr (GArray) key_records = g_array_new (FALSE, TRUE, sizeof (CacheKey));
  g_autoptr (GArray) entry_records = g_array_new (FALSE, TRUE, sizeof (CacheEntry));
  g_autoptr (GArray) person_refs = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_autoptr (GArray) attachments = g_array_new (FALSE, TRUE, sizeof (CacheAttachment));
  g_autoptr (GHashTable) string_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) blob = g_string_new (NULL);
  g_autoptr (GArray) offsets = g_array_new (FALSE, TRUE, sizeof (guint32));
  StringTable strings = { string_index, blob, offsets };
  const char *hashes[3];
  CacheEvent event = { 0, };
  GHashTableIter iter;
  gpointer key, value;
  GVariant *members[FIELD_ATTACHMENTS + 1];
  g_autoptr (GVariant) tuple = NULL;
  guint n_rooms_listed, n_tracks_listed, n_people_listed;
  gpointer event_copy;
  GPtrArray *all_entries, *unscheduled, *room_list, *track_list, *people_list, *day_list;
  EntryWriter writer = {
    &strings, entry_index, room_index, rooms, track_index, tracks, person_index, people,
    person_refs, attachments,
  };

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (source != NULL && source->stamps != NULL, NULL);

  all_entries = plenary_schedule_builder_peek (schedule, PLENARY_SCHEDULE_LIST_ENTRIES);
  unscheduled = plenary_schedule_builder_peek (schedule, PLENARY_SCHEDULE_LIST_UNSCHEDULED);
  room_list = plenary_schedule_builder_peek (schedule, PLENARY_SCHEDULE_LIST_ROOMS);
  track_list = plenary_schedule_builder_peek (schedule, PLENARY_SCHEDULE_LIST_TRACKS);
  people_list = plenary_schedule_builder_peek (schedule, PLENARY_SCHEDULE_LIST_PEOPLE);
  day_list = plenary_schedule_builder_peek (schedule, PLENARY_SCHEDULE_LIST_DAYS);

  for (guint i = 0; i < 3; i++)
    hashes[i] = source_sha256 (source, i);

  event.start = time_to_us (plenary_schedule_get_start (schedule));
  event.end = time_to_us (plenary_schedule_get_end (schedule));
  event.event_id = string_add (&strings, peek_string (schedule, PLENARY_SCHEDULE_EVENT_ID));
  event.title = string_add (&strings, peek_string (schedule, PLENARY_SCHEDULE_TITLE));
  event.server_base = string_add (&strings,
                                  peek_string (schedule, PLENARY_SCHEDULE_SERVER_BASE));
  event.url = string_add (&strings, peek_string (schedule, PLENARY_SCHEDULE_URL));
  event.venue = string_add (&strings, peek_string (schedule, PLENARY_SCHEDULE_VENUE));
  event.timezone_id = string_add (&strings,
                                  peek_string (schedule, PLENARY_SCHEDULE_TIMEZONE_ID));

  /* Listed objects first, in their order; then whatever entries refer to besides. */
  for (guint i = 0; i < all_entries->len; i++)
    object_index (entry_index, entries, g_ptr_array_index (all_entries, i));
  for (guint i = 0; i < unscheduled->len; i++)
    object_index (entry_index, entries, g_ptr_array_index (unscheduled, i));
  for (guint i = 0; i < room_list->len; i++)
    object_index (room_index, rooms, g_ptr_array_index (room_list, i));
  for (guint i = 0; i < track_list->len; i++)
    object_index (track_index, tracks, g_ptr_array_index (track_list, i));
  for (guint i = 0; i < people_list->len; i++)
    object_index (person_index, people, g_ptr_array_index (people_list, i));
  n_rooms_listed = rooms->len;
  n_tracks_listed = tracks->len;
  n_people_listed = people->len;

  g_hash_table_iter_init (&iter, plenary_schedule_builder_peek_person_keys (schedule));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CacheKey record;

      record.key = string_add (&strings, key);
      record.person = object_index (person_index, people, value);
      g_array_append_val (key_records, record);
    }

  for (guint i = 0; i < day_list->len; i++)
    {
      PlenaryDay *day = g_ptr_array_index (day_list, i);
      GPtrArray *items = plenary_schedule_builder_peek_day_items (schedule, i);
      CacheDay record = { time_to_us (plenary_day_get_date (day)), day_items->len, 0 };

      for (guint j = 0; items != NULL && j < items->len; j++)
        {
          gpointer found;

          if (g_hash_table_lookup_extended (entry_index, g_ptr_array_index (items, j), NULL,
                                            &found))
            {
              guint32 index = GPOINTER_TO_UINT (found);

              g_array_append_val (day_items, index);
              record.n_items++;
            }
        }
      g_array_append_val (days, record);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CacheEntry record = { 0, };

      write_entry (&writer, g_ptr_array_index (entries, i), i >= all_entries->len, &record);
      g_array_append_val (entry_records, record);
    }

  for (guint i = 0; i < rooms->len; i++)
    {
      PlenaryRoom *room = g_ptr_array_index (rooms, i);
      CacheRoom record = {
        string_add (&strings, plenary_room_get_name (room)),
        string_add (&strings, plenary_room_get_venue (room)),
        i < n_rooms_listed ? FLAG_LISTED : 0,
      };

      g_array_append_val (room_records, record);
    }
  for (guint i = 0; i < tracks->len; i++)
    {
      PlenaryTrack *track = g_ptr_array_index (tracks, i);
      CacheTrack record = {
        plenary_track_get_id (track),
        plenary_track_get_position (track),
        string_add (&strings, plenary_track_get_title (track)),
        string_add (&strings, plenary_track_get_code (track)),
        string_add (&strings, plenary_track_get_description (track)),
        i < n_tracks_listed ? FLAG_LISTED : 0,
      };

      g_array_append_val (track_records, record);
    }
  for (guint i = 0; i < people->len; i++)
    {
      PlenaryPerson *person = g_ptr_array_index (people, i);
      CachePerson record = {
        plenary_person_get_person_id (person),
        string_add (&strings, plenary_person_get_key (person)),
        string_add (&strings, plenary_person_get_email_hash (person)),
        string_add (&strings, plenary_person_get_first_name (person)),
        string_add (&strings, plenary_person_get_family_name (person)),
        string_add (&strings, plenary_person_get_name (person)),
        string_add (&strings, plenary_person_get_affiliation (person)),
        string_add (&strings, plenary_person_get_sort_key (person)),
        i < n_people_listed ? FLAG_LISTED : 0,
      };

      g_array_append_val (person_records, record);
    }

  for (guint i = 0; i < entries->len; i++)
    write_descriptions (&writer, g_ptr_array_index (entries, i),
                        &g_array_index (entry_records, CacheEntry, i));

  members[FIELD_MAGIC] = g_variant_new_uint64 (CACHE_MAGIC);
  members[FIELD_VERSION] = g_variant_new_uint32 (CACHE_VERSION);
  members[FIELD_HASHES] = strv_variant (hashes, 3);
  members[FIELD_STAMPS] = strv_variant (source->stamps, 3);
  members[FIELD_STRINGS] = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, blob->str,
                                                      blob->len, 1);
  members[FIELD_OFFSETS] = fixed_array ("u", offsets, sizeof (guint32));
  event_copy = g_memdup2 (&event, sizeof event);
  members[FIELD_EVENT] = g_variant_new_from_data (G_VARIANT_TYPE (EVENT_TYPE), event_copy,
                                                  sizeof event, TRUE, g_free, event_copy);
  members[FIELD_DAYS] = fixed_array (DAY_TYPE, days, sizeof (CacheDay));
  members[FIELD_DAY_ITEMS] = fixed_array ("u", day_items, sizeof (guint32));
  members[FIELD_ROOMS] = fixed_array (ROOM_TYPE, room_records, sizeof (CacheRoom));
  members[FIELD_TRACKS] = fixed_array (TRACK_TYPE, track_records, sizeof (CacheTrack));
  members[FIELD_PEOPLE] = fixed_array (PERSON_TYPE, person_records, sizeof (CachePerson));
  members[FIELD_PERSON_KEYS] = fixed_array (KEY_TYPE, key_records, sizeof (CacheKey));
  members[FIELD_ENTRIES] = fixed_array (ENTRY_TYPE, entry_records, sizeof (CacheEntry));
  members[FIELD_PERSON_REFS] = fixed_array ("u", person_refs, sizeof (guint32));
  members[FIELD_ATTACHMENTS] = fixed_array (ATTACH_TYPE, attachments,
                                            sizeof (CacheAttachment));

  tuple = g_variant_ref_sink (g_variant_new_tuple (members, G_N_ELEMENTS (members)));
  return g_variant_get_data_as_bytes (tuple);
}

gboolean
plenary_schedule_cache_write (const char                       *dir,
                              const PlenaryScheduleCacheSource *source,
                              PlenarySchedule                  *schedule,
                              GError                          **error)
{
  g_autofree char *meta_path = g_build_filename (dir, "meta.json", NULL);
  g_autofree char *path = g_build_filename (dir, PLENARY_SCHEDULE_CACHE_FILE, NULL);
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  /* The event may have been removed meanwhile: do not bring its directory back. */
  if (!g_file_test (meta_path, G_FILE_TEST_EXISTS))
    return TRUE;

  bytes = plenary_schedule_cache_serialize (schedule, source);
  return plenary_store_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   error);
}

/* Reading */

typedef struct
{
  const char    *blob;
  gsize          blob_size;
  const guint32 *offsets;
  gsize          n_strings;
  guint8        *checked;    /* per string: 0 not yet, 1 good, 2 bad */
  GBytes        *source;     /* the mapping the blob is in */
  gboolean       bad;        /* an index or a string was out of bounds or not UTF-8 */
} StringReader;

/* A string in the mapping (NULL for NONE), checked once to be in bounds and UTF-8; sets
 * @reader->bad when it is not. The schedule's objects point at it rather than copy it. */
static const char *
string_get (StringReader *reader,
            guint32       index)
{
  const char *text;

  if (index == NONE)
    return NULL;
  if (index >= reader->n_strings || reader->offsets[index] >= reader->blob_size)
    {
      reader->bad = TRUE;
      return NULL;
    }

  /* The blob ends in a nul (checked once), so every offset in it starts a terminated string. */
  text = reader->blob + reader->offsets[index];
  /* Longer than anything the parser lets through (a title is 300 characters, a description
   * 10,000): not a cache Plenary wrote, and no string that long goes on screen. */
  if (reader->checked[index] == 0)
    reader->checked[index] = strnlen (text, MAX_STRING_BYTES + 1) <= MAX_STRING_BYTES
                             && g_utf8_validate (text, -1, NULL) ? 1 : 2;
  if (reader->checked[index] != 1)
    {
      reader->bad = TRUE;
      return NULL;
    }
  return text;
}

/* A string left in the mapping, not yet checked to be UTF-8: see
 * plenary_entry_get_description(). */
static const char *
string_in_place (StringReader *reader,
                 guint32       index)
{
  if (index >= reader->n_strings || reader->offsets[index] >= reader->blob_size)
    {
      reader->bad = TRUE;
      return NULL;
    }
  return reader->blob + reader->offsets[index];
}

typedef struct
{
  GTimeZone  *tz;
  GHashTable *times;   /* microseconds → GDateTime: entries in parallel share their times */
  gboolean    bad;
} TimeReader;

static GDateTime *
time_get (TimeReader *reader,
          gint64      us)
{
  GDateTime *time;
  g_autoptr (GDateTime) utc = NULL;
  gint64 seconds;

  if (us == NO_TIME)
    return NULL;
  time = g_hash_table_lookup (reader->times, &us);
  if (time != NULL)
    return g_date_time_ref (time);

  seconds = us / G_USEC_PER_SEC - (us % G_USEC_PER_SEC < 0 ? 1 : 0);
  utc = g_date_time_new_from_unix_utc (seconds);
  if (utc != NULL && us - seconds * G_USEC_PER_SEC != 0)
    {
      GDateTime *exact = g_date_time_add (utc, us - seconds * G_USEC_PER_SEC);

      g_date_time_unref (utc);
      utc = exact;
    }
  if (utc == NULL)
    {
      reader->bad = TRUE;
      return NULL;
    }
  time = g_date_time_to_timezone (utc, reader->tz);
  if (time == NULL)
    {
      reader->bad = TRUE;
      return NULL;
    }
  g_hash_table_insert (reader->times, g_memdup2 (&us, sizeof us), g_date_time_ref (time));
  return time;
}

static gconstpointer
get_fixed (GVariant *cache,
           guint     field,
           gsize     element_size,
           gsize    *n_elements)
{
  g_autoptr (GVariant) child = g_variant_get_child_value (cache, field);
  gconstpointer data;

  /* A length that is not a multiple of the element size reads as empty; the counts
   * checked below then catch it. The data stays alive with @cache. */
  data = g_variant_get_fixed_array (child, n_elements, element_size);
  if (*n_elements == 0)
    data = NULL;
  return data;
}

static gboolean
range_ok (guint32 start,
          guint32 n,
          gsize   total)
{
  return (guint64) start + n <= total;
}

/* What an entry's references are checked against while it is read. */
typedef struct
{
  StringReader          *strings;
  TimeReader            *times;
  GPtrArray             *rooms;
  GPtrArray             *tracks;
  GPtrArray             *people;
  GPtrArray             *entries;
  const guint32         *person_refs;
  gsize                  n_person_refs;
  const CacheAttachment *attachments;
  gsize                  n_attachments;
  /* out: what the record holds besides references */
  const char            *texts[PLENARY_ENTRY_N_STRINGS];
  gboolean               unscheduled;
} EntryReader;

/* One reader per kind of field (see plenary-schedule-cache-fields.h); read_entry() calls
 * them member by member, so that each is inlined with its field and size known. */

static G_ALWAYS_INLINE inline gboolean
read_NUMBER (EntryReader   *reader,
             PlenaryEntry  *entry,
             guint          field,
             gconstpointer  member,
             gsize          size)
{
  gint64 number;
  gint32 narrow;

  if (size == sizeof (gint32))
    {
      memcpy (&narrow, member, sizeof narrow);
      number = narrow;
    }
  else
    memcpy (&number, member, sizeof number);
  plenary_schedule_builder_set_entry_number (entry, field, number);
  return TRUE;
}

static G_ALWAYS_INLINE inline gboolean
read_TIME (EntryReader   *reader,
           PlenaryEntry  *entry,
           guint          field,
           gconstpointer  member,
           gsize          size)
{
  gint64 us;

  memcpy (&us, member, sizeof us);
  plenary_schedule_builder_take_entry_time (entry, field, time_get (reader->times, us));
  return !reader->times->bad;
}

static G_ALWAYS_INLINE inline gboolean
read_STRING (EntryReader   *reader,
             PlenaryEntry  *entry,
             guint          field,
             gconstpointer  member,
             gsize          size)
{
  guint32 string;

  memcpy (&string, member, sizeof string);
  reader->texts[field] = string_get (reader->strings, string);
  return !reader->strings->bad;
}

/* Left in the mapping, checked only when shown: see plenary_entry_get_description(). */
static G_ALWAYS_INLINE inline gboolean
read_DESCRIPTION (EntryReader   *reader,
                  PlenaryEntry  *entry,
                  guint          field,
                  gconstpointer  member,
                  gsize          size)
{
  guint32 string;

  memcpy (&string, member, sizeof string);
  reader->texts[field] = string != NONE ? string_in_place (reader->strings, string) : NULL;
  return !reader->strings->bad;
}

/* A reference into @objects, or -1 for none; FALSE when out of range. */
static inline gboolean
object_at (GPtrArray     *objects,
           gconstpointer  member,
           gpointer      *object)
{
  gint32 index;

  memcpy (&index, member, sizeof index);
  if (index < -1 || index >= (gint64) objects->len)
    return FALSE;
  *object = index >= 0 ? g_ptr_array_index (objects, index) : NULL;
  return TRUE;
}

static G_ALWAYS_INLINE inline gboolean
read_ROOM (EntryReader   *reader,
           PlenaryEntry  *entry,
           guint          field,
           gconstpointer  member,
           gsize          size)
{
  gpointer room;

  if (!object_at (reader->rooms, member, &room))
    return FALSE;
  if (room != NULL)
    plenary_schedule_builder_set_entry_room (entry, room);
  return TRUE;
}

static G_ALWAYS_INLINE inline gboolean
read_TRACK (EntryReader   *reader,
            PlenaryEntry  *entry,
            guint          field,
            gconstpointer  member,
            gsize          size)
{
  gpointer track;

  if (!object_at (reader->tracks, member, &track))
    return FALSE;
  if (track != NULL)
    plenary_schedule_builder_set_entry_track (entry, track);
  return TRUE;
}

static G_ALWAYS_INLINE inline gboolean
read_BLOCK (EntryReader   *reader,
            PlenaryEntry  *entry,
            guint          field,
            gconstpointer  member,
            gsize          size)
{
  gpointer block;

  if (!object_at (reader->entries, member, &block))
    return FALSE;
  if (block == NULL)
    return TRUE;
  if (block == entry || plenary_entry_get_kind (block) != PLENARY_ENTRY_KIND_BLOCK)
    return FALSE;
  plenary_schedule_builder_set_entry_block (entry, block);
  return TRUE;
}

static G_ALWAYS_INLINE inline gboolean
read_PEOPLE (EntryReader   *reader,
             PlenaryEntry  *entry,
             guint          field,
             gconstpointer  member,
             gsize          size)
{
  CacheRange range;

  memcpy (&range, member, sizeof range);
  if (!range_ok (range.start, range.n, reader->n_person_refs))
    return FALSE;
  plenary_schedule_builder_reserve_entry_people (entry, field, range.n);
  for (guint j = 0; j < range.n; j++)
    {
      guint32 person = reader->person_refs[range.start + j];

      if (person >= reader->people->len)
        return FALSE;
      plenary_schedule_builder_add_entry_person (entry, field,
                                                 g_ptr_array_index (reader->people, person));
    }
  return TRUE;
}

static G_ALWAYS_INLINE inline gboolean
read_ATTACHMENTS (EntryReader   *reader,
                  PlenaryEntry  *entry,
                  guint          field,
                  gconstpointer  member,
                  gsize          size)
{
  StringReader *strings = reader->strings;
  CacheRange range;

  memcpy (&range, member, sizeof range);
  if (!range_ok (range.start, range.n, reader->n_attachments))
    return FALSE;
  plenary_schedule_builder_reserve_entry_attachments (entry, range.n);
  for (guint j = 0; j < range.n; j++)
    {
      const CacheAttachment *file = &reader->attachments[range.start + j];

      plenary_schedule_builder_add_entry_attachment (entry, string_get (strings, file->title),
                                                     string_get (strings, file->url),
                                                     string_get (strings, file->folder));
    }
  return !strings->bad;
}

/* Read when the entry was made: see build_schedule(). */
static G_ALWAYS_INLINE inline gboolean
read_KIND (EntryReader   *reader,
           PlenaryEntry  *entry,
           guint          field,
           gconstpointer  member,
           gsize          size)
{
  return TRUE;
}

static G_ALWAYS_INLINE inline gboolean
read_FLAGS (EntryReader   *reader,
            PlenaryEntry  *entry,
            guint          field,
            gconstpointer  member,
            gsize          size)
{
  guint8 flags;

  memcpy (&flags, member, sizeof flags);
  plenary_schedule_builder_set_entry_number (entry, PLENARY_ENTRY_IS_POSTER,
                                             (flags & ENTRY_POSTER) != 0);
  reader->unscheduled = (flags & ENTRY_UNSCHEDULED) != 0;
  return TRUE;
}

#define READ_ROW(name, ctype, type, kind, field) \
  && read_##kind (reader, entry, field, &record->name, sizeof (ctype))

static gboolean
read_entry (EntryReader      *reader,
            PlenaryEntry     *entry,
            const CacheEntry *record)
{
  if (!(TRUE ENTRY_FIELDS (READ_ROW)))
    return FALSE;
  plenary_schedule_builder_set_mapped_strings (entry, reader->texts);
  return TRUE;
}

static PlenarySchedule *
build_schedule (GVariant     *cache,
                StringReader *strings,
                GError      **error)
{
  g_autoptr (PlenaryScheduleBuilder) builder = plenary_schedule_builder_new ();
  g_autoptr (GVariant) event_variant = g_variant_get_child_value (cache, FIELD_EVENT);
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GHashTable) times = NULL;
  g_autoptr (GTimeZone) timezone = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  PlenarySchedule *schedule;
  TimeReader time_reader = { NULL, };
  EntryReader entry_reader = { NULL, };
  const CacheEvent *event;
  const CacheDay *days;
  const guint32 *day_items;
  const CacheRoom *room_records;
  const CacheTrack *track_records;
  const CachePerson *person_records;
  const CacheKey *key_records;
  const CacheEntry *entry_records;
  const guint32 *person_refs;
  const CacheAttachment *attachments;
  gsize n_days, n_day_items, n_rooms, n_tracks, n_people, n_keys, n_entries, n_person_refs;
  gsize n_attachments;
  const char *timezone_id;
  struct
  {
    PlenaryScheduleString  field;
    guint32                string;
  } header[PLENARY_SCHEDULE_N_STRINGS];

  if (g_variant_get_size (event_variant) != sizeof (CacheEvent)
      || g_variant_get_data (event_variant) == NULL)
    goto corrupt;
  event = g_variant_get_data (event_variant);

  days = get_fixed (cache, FIELD_DAYS, sizeof (CacheDay), &n_days);
  day_items = get_fixed (cache, FIELD_DAY_ITEMS, sizeof (guint32), &n_day_items);
  room_records = get_fixed (cache, FIELD_ROOMS, sizeof (CacheRoom), &n_rooms);
  track_records = get_fixed (cache, FIELD_TRACKS, sizeof (CacheTrack), &n_tracks);
  person_records = get_fixed (cache, FIELD_PEOPLE, sizeof (CachePerson), &n_people);
  key_records = get_fixed (cache, FIELD_PERSON_KEYS, sizeof (CacheKey), &n_keys);
  entry_records = get_fixed (cache, FIELD_ENTRIES, sizeof (CacheEntry), &n_entries);
  person_refs = get_fixed (cache, FIELD_PERSON_REFS, sizeof (guint32), &n_person_refs);
  attachments = get_fixed (cache, FIELD_ATTACHMENTS, sizeof (CacheAttachment),
                           &n_attachments);
  if (n_entries > G_MAXINT32 || n_people > G_MAXINT32)
    goto corrupt;

  header[0].field = PLENARY_SCHEDULE_EVENT_ID, header[0].string = event->event_id;
  header[1].field = PLENARY_SCHEDULE_TITLE, header[1].string = event->title;
  header[2].field = PLENARY_SCHEDULE_SERVER_BASE, header[2].string = event->server_base;
  header[3].field = PLENARY_SCHEDULE_URL, header[3].string = event->url;
  header[4].field = PLENARY_SCHEDULE_VENUE, header[4].string = event->venue;
  header[5].field = PLENARY_SCHEDULE_TIMEZONE_ID, header[5].string = event->timezone_id;
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    plenary_schedule_builder_set_string (builder, header[i].field,
                                         string_get (strings, header[i].string));
  timezone_id = plenary_schedule_builder_get_string (builder, PLENARY_SCHEDULE_TIMEZONE_ID);
  if (strings->bad || timezone_id == NULL)
    goto corrupt;
  timezone = g_time_zone_new_identifier (timezone_id);
  if (timezone == NULL)
    goto corrupt;
  plenary_schedule_builder_set_timezone (builder, timezone);

  times = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) g_date_time_unref);
  time_reader.tz = timezone;
  time_reader.times = times;
  start = time_get (&time_reader, event->start);
  end = time_get (&time_reader, event->end);
  plenary_schedule_builder_set_span (builder, start, end);

  rooms = g_ptr_array_new_full (n_rooms, g_object_unref);
  for (gsize i = 0; i < n_rooms; i++)
    {
      PlenaryRoom *room = plenary_room_new (string_get (strings, room_records[i].name),
                                            string_get (strings, room_records[i].venue));

      g_ptr_array_add (rooms, room);
      if (room_records[i].flags & FLAG_LISTED)
        plenary_schedule_builder_list_room (builder, room);
    }

  tracks = g_ptr_array_new_full (n_tracks, g_object_unref);
  for (gsize i = 0; i < n_tracks; i++)
    {
      const CacheTrack *record = &track_records[i];
      PlenaryTrack *track = plenary_track_new (record->id,
                                               string_get (strings, record->title),
                                               string_get (strings, record->code),
                                               string_get (strings, record->description),
                                               record->position);

      g_ptr_array_add (tracks, track);
      if (record->flags & FLAG_LISTED)
        plenary_schedule_builder_list_track (builder, track);
    }

  people = g_ptr_array_new_full (n_people, g_object_unref);
  for (gsize i = 0; i < n_people; i++)
    {
      const CachePerson *record = &person_records[i];
      PlenaryPerson *person;

      person = plenary_person_new_borrowed (strings->source, record->person_id,
                                            string_get (strings, record->key),
                                            string_get (strings, record->email_hash),
                                            string_get (strings, record->first_name),
                                            string_get (strings, record->family_name),
                                            string_get (strings, record->name),
                                            string_get (strings, record->affiliation),
                                            string_get (strings, record->sort_key));
      g_ptr_array_add (people, person);
      if (record->flags & FLAG_LISTED)
        plenary_schedule_builder_list_person (builder, person);
    }
  for (gsize i = 0; i < n_keys; i++)
    {
      const char *key = string_get (strings, key_records[i].key);

      if (key == NULL || key_records[i].person >= n_people)
        goto corrupt;
      plenary_schedule_builder_add_person (builder, key,
                                           g_ptr_array_index (people, key_records[i].person));
    }
  if (strings->bad)
    goto corrupt;

  /* Entries refer to their blocks, which may come later: make them all first. */
  entries = g_ptr_array_new_full (n_entries, g_object_unref);
  for (gsize i = 0; i < n_entries; i++)
    {
      if (entry_records[i].kind > PLENARY_ENTRY_KIND_BLOCK)
        goto corrupt;
      g_ptr_array_add (entries, plenary_schedule_builder_new_mapped_entry (entry_records[i].kind,
                                                                           strings->source));
    }

  entry_reader.strings = strings;
  entry_reader.times = &time_reader;
  entry_reader.rooms = rooms;
  entry_reader.tracks = tracks;
  entry_reader.people = people;
  entry_reader.entries = entries;
  entry_reader.person_refs = person_refs;
  entry_reader.n_person_refs = n_person_refs;
  entry_reader.attachments = attachments;
  entry_reader.n_attachments = n_attachments;
  for (gsize i = 0; i < n_entries; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (entries, i);

      if (!read_entry (&entry_reader, entry, &entry_records[i]))
        goto corrupt;
      if (entry_reader.unscheduled)
        plenary_schedule_builder_add_unscheduled (builder, entry);
      else
        plenary_schedule_builder_add_entry (builder, entry);
    }

  for (gsize i = 0; i < n_days; i++)
    {
      g_autoptr (GDateTime) date = time_get (&time_reader, days[i].date);
      guint day;

      if (date == NULL || !range_ok (days[i].items_start, days[i].n_items, n_day_items))
        goto corrupt;
      day = plenary_schedule_builder_add_day (builder, date);
      plenary_schedule_builder_reserve_day_items (builder, day, days[i].n_items);
      for (guint j = 0; j < days[i].n_items; j++)
        {
          guint32 index = day_items[days[i].items_start + j];

          if (index >= n_entries)
            goto corrupt;
          plenary_schedule_builder_add_day_item (builder, day, g_ptr_array_index (entries, index),
                                                 FALSE);
        }
    }

  plenary_schedule_builder_keep_mapping (builder, strings->source);
  schedule = plenary_schedule_builder_finish (builder);
  return schedule;

corrupt:
  g_set_error_literal (error, PLENARY_SCHEDULE_CACHE_ERROR,
                       PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT, "An index is out of range");
  return NULL;
}

PlenarySchedule *
plenary_schedule_cache_load (const char                       *dir,
                             const PlenaryScheduleCacheSource *source,
                             GError                          **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GVariant) cache = NULL;
  g_autoptr (GVariant) magic = NULL;
  g_autoptr (GVariant) version = NULL;
  g_autoptr (GVariant) hashes = NULL;
  g_autoptr (GVariant) found_stamps = NULL;
  g_autoptr (GVariant) blob = NULL;
  g_autoptr (GError) local_error = NULL;
  StringReader strings = { NULL, };
  PlenarySchedule *schedule;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (source == NULL || source->stamps != NULL, NULL);

  path = g_build_filename (dir, PLENARY_SCHEDULE_CACHE_FILE, NULL);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, PLENARY_SCHEDULE_CACHE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? PLENARY_SCHEDULE_CACHE_ERROR_MISSING : PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT,
                   "%s", local_error->message);
      return NULL;
    }

  /* Not trusted: GVariant then reads any bytes safely, giving empty values where the
   * framing is wrong, and the checks below reject what does not add up. */
  bytes = g_mapped_file_get_bytes (mapped);
  cache = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes,
                                                        FALSE));
  if (g_bytes_get_size (bytes) < 16)
    {
      g_set_error_literal (error, PLENARY_SCHEDULE_CACHE_ERROR,
                           PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT, "Truncated");
      return NULL;
    }

  magic = g_variant_get_child_value (cache, FIELD_MAGIC);
  version = g_variant_get_child_value (cache, FIELD_VERSION);
  if (g_variant_get_uint64 (magic) != CACHE_MAGIC)
    {
      g_set_error_literal (error, PLENARY_SCHEDULE_CACHE_ERROR,
                           PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT, "Not a schedule cache");
      return NULL;
    }
  if (g_variant_get_uint32 (version) != CACHE_VERSION)
    {
      g_set_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_VERSION,
                   "Format version %u, not %u", g_variant_get_uint32 (version), CACHE_VERSION);
      return NULL;
    }

  hashes = g_variant_get_child_value (cache, FIELD_HASHES);
  found_stamps = g_variant_get_child_value (cache, FIELD_STAMPS);
  if (g_variant_n_children (hashes) != 3 || g_variant_n_children (found_stamps) != 3)
    {
      g_set_error_literal (error, PLENARY_SCHEDULE_CACHE_ERROR,
                           PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT, "Bad header");
      return NULL;
    }
  /* No source: the last resort when the exports are damaged; the cache is only checked for
   * itself. */
  for (guint i = 0; source != NULL && i < 3; i++)
    {
      g_autoptr (GVariant) hash = g_variant_get_child_value (hashes, i);
      g_autoptr (GVariant) stamp = g_variant_get_child_value (found_stamps, i);

      if (g_ascii_strcasecmp (g_variant_get_string (hash, NULL),
                              source_sha256 (source, i)) != 0)
        {
          g_set_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_STALE,
                       "Built from another %s", part_names[i]);
          return NULL;
        }
      if (g_strcmp0 (g_variant_get_string (stamp, NULL), source->stamps[i]) != 0)
        {
          g_set_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_STALE,
                       "%s.json changed since the cache was built", part_names[i]);
          return NULL;
        }
    }

  blob = g_variant_get_child_value (cache, FIELD_STRINGS);
  strings.blob = g_variant_get_fixed_array (blob, &strings.blob_size, 1);
  strings.offsets = get_fixed (cache, FIELD_OFFSETS, sizeof (guint32), &strings.n_strings);
  if (strings.n_strings > 0
      && (strings.blob_size == 0 || strings.blob[strings.blob_size - 1] != '\0'))
    {
      g_set_error_literal (error, PLENARY_SCHEDULE_CACHE_ERROR,
                           PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT, "Bad string table");
      return NULL;
    }
  strings.checked = g_new0 (guint8, strings.n_strings);
  strings.source = bytes;

  schedule = build_schedule (cache, &strings, error);

  /* The schedule owns the mapping its strings point into (see build_schedule()). The pages
   * read so far (the tables) are not needed any more: a string shown later is read in again. */
  if (schedule != NULL)
    plenary_schedule_release_pages (schedule);

  g_free (strings.checked);
  return schedule;
}
