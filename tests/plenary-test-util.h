/* plenary-test-util.h: shared set-up for Plenary's GLib tests
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "model/plenary-schedule.h"
#include "plenary-application.h"

G_BEGIN_DECLS

void        plenary_test_init        (int          *argc,
                                      char       ***argv);
const char *plenary_test_get_tmpdir  (void);
void        plenary_test_reset_dirs  (void);
char       *plenary_test_data_path   (const char   *name);
char       *plenary_test_shared_path (const char   *relative);
GBytes     *plenary_test_load_bytes  (const char   *path);
void        plenary_test_iterate     (guint         milliseconds);
/* A file of the real LPC 2021 programme in ../shared/fixtures/lpc2021. */
GBytes     *plenary_test_load_lpc2021_file (const char *name);
/* Every file below @dir, path → GBytes, not entering folders named @skip (NULL: all). */
GHashTable *plenary_test_read_tree       (const char *dir,
                                          const char *skip);
/* Asserts that @dir holds exactly the files of @before (plenary_test_read_tree() with the
 * same @skip), byte for byte. */
void        plenary_test_assert_tree_same (GHashTable *before,
                                           const char *dir,
                                           const char *skip);
/* Stops @view's time (a PlenaryView) at @instant with a fixed clock of its own, as a rehearsal
 * gives it one; NULL: the application's clock again. Returns @view. */
gpointer    plenary_test_set_view_now    (gpointer    view,
                                          GDateTime  *instant);
/* Runs the main loop until @app has a window (it presents one once its followed events
 * are read), and returns it. */
GtkWindow  *plenary_test_wait_for_window (GtkApplication *app);
/* The first widget in @root (itself included) of @type (GTK_TYPE_WIDGET: any) with
 * @css_class (NULL: any), depth first; _mapped: only among widgets on screen. */
GtkWidget  *plenary_test_find_widget        (GtkWidget  *root,
                                             GType       type,
                                             const char *css_class);
GtkWidget  *plenary_test_find_mapped_widget (GtkWidget  *root,
                                             GType       type,
                                             const char *css_class);
/* A new PlenaryApplication (its own id, NON_UNIQUE: the bus keeps an exported name until the
 * old object is gone), registered, activated and with its window; and its end, every window
 * destroyed. @tag names it in the id. */
PlenaryApplication *plenary_test_start_application (const char         *tag);
void             plenary_test_stop_application  (PlenaryApplication *app);
/* The real LPC 2021 programme from ../shared/fixtures/lpc2021, parsed. */
PlenarySchedule *plenary_test_load_lpc2021 (void);
/* The same with @program as its program.json (NULL: the folder's own, and it has none, as
 * when the server answers 404). */
PlenarySchedule *plenary_test_load_lpc2021_with_program (GBytes *program);
/* @bytes with every @from replaced by @to; asserts there was one. */
GBytes          *plenary_test_bytes_replaced (GBytes     *bytes,
                                              const char *from,
                                              const char *to);
/* The LPC 2021 fixture's two exports as Indico would serve them for event @event_id. */
void             plenary_test_lpc2021_exports_as (const char  *event_id,
                                                  GBytes     **timetable,
                                                  GBytes     **event);
/* LPC 2021's exports as event @event_id of the same server as plenary_test_load_lpc2021()'s:
 * the same people, tracks and contribution ids, another event. */
PlenarySchedule *plenary_test_load_lpc2021_as (const char *event_id);
/* A programme parsed from @timetable_json alone (no event export); asserts it parses. */
PlenarySchedule *plenary_test_parse_timetable (const char *timetable_json);
/* Another event on LPC's server, 12, whose one talk, @title, has the contribution id of an
 * LPC 2021 talk (965, "Rust in the Linux ecosystem", on the first day). */
PlenarySchedule *plenary_test_load_other_event (const char *title);
/* @bytes read with json-glib, independently of Plenary's own reader; asserts it is JSON. */
JsonNode        *plenary_test_parse_json (GBytes *bytes);
/* @view alone in a 1000×700 window on screen (@window_out: destroy it at the end). Returns
 * @view. */
GtkWidget       *plenary_test_present (GtkWidget  *view,
                                       GtkWindow **window_out);
/* A view of @view_type keeps a clock: setting NULL is refused (a critical, expected here) and
 * leaves the default; another clock is taken. */
void             plenary_test_assert_clock_never_null (GType view_type);
/* Every widget in @root (itself included) with @css_class, depth first, added to @out. */
void             plenary_test_collect_css_class (GtkWidget  *root,
                                                 const char *css_class,
                                                 GPtrArray  *out);
/* The count rows (PlenaryCountRow, "person-row", not letter headers) of @view's list, as laid
 * out now; and one row's visible labels, "title|subtitle (if shown)|count". */
GPtrArray       *plenary_test_list_rows (GtkWidget *view);
char            *plenary_test_row_text  (GtkWidget *row);
/* tests/data/crafted/dst-night-timetable.json: Europe/Berlin, a block from Saturday 24 October
 * 2026 20:00 to Sunday 03:30 across the night clocks fall back, with "Fall-back talk" at 02:30
 * (end 03:30, 120 minutes: the first 02:30, CEST), a poster block and a talk with no room. */
PlenarySchedule *plenary_test_load_dst_night (void);

G_END_DECLS
