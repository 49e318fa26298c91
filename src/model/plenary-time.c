/* plenary-time.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-time.h"

GDateTime *
plenary_time_dup_twin (GDateTime *time)
{
  GTimeSpan offset;
  /* Zone transitions are far more than 12 hours apart in every real zone. */
  GTimeSpan around[2] = { -12 * G_TIME_SPAN_HOUR, 12 * G_TIME_SPAN_HOUR };

  g_return_val_if_fail (time != NULL, NULL);

  offset = g_date_time_get_utc_offset (time);
  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    {
      g_autoptr (GDateTime) near = g_date_time_add (time, around[i]);
      g_autoptr (GDateTime) twin = NULL;
      GTimeSpan other;

      if (near == NULL)
        continue;
      other = g_date_time_get_utc_offset (near);
      if (other == offset)
        continue;
      /* Same wall clock with the other offset: UTC moves by the offsets' difference. */
      twin = g_date_time_add (time, offset - other);
      if (twin != NULL && g_date_time_get_utc_offset (twin) == other
          && g_date_time_get_hour (twin) == g_date_time_get_hour (time)
          && g_date_time_get_minute (twin) == g_date_time_get_minute (time)
          && g_date_time_get_day_of_month (twin) == g_date_time_get_day_of_month (time))
        return g_steal_pointer (&twin);
    }
  return NULL;
}

gboolean
plenary_time_is_ambiguous (GDateTime *time)
{
  g_autoptr (GDateTime) twin = time != NULL ? plenary_time_dup_twin (time) : NULL;

  return twin != NULL;
}

void
plenary_time_resolve_pair (GDateTime **start,
                           GDateTime **end,
                           GTimeSpan   duration)
{
  g_autoptr (GDateTime) start_twin = NULL;
  g_autoptr (GDateTime) end_twin = NULL;
  GDateTime *starts[2], *ends[2];

  g_return_if_fail (start != NULL && *start != NULL && end != NULL && *end != NULL);

  start_twin = plenary_time_dup_twin (*start);
  end_twin = plenary_time_dup_twin (*end);
  if (start_twin == NULL && end_twin == NULL)
    return;
  starts[0] = *start;
  starts[1] = start_twin;
  ends[0] = *end;
  ends[1] = end_twin;

  /* The given pair first: only a pair that agrees with the duration replaces it. */
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        GTimeSpan span;

        if (starts[i] == NULL || ends[j] == NULL)
          continue;
        span = g_date_time_difference (ends[j], starts[i]);
        if (ABS (span - duration) >= G_TIME_SPAN_MINUTE)
          continue;
        if (i == 1)
          {
            g_date_time_unref (*start);
            *start = g_steal_pointer (&start_twin);
          }
        if (j == 1)
          {
            g_date_time_unref (*end);
            *end = g_steal_pointer (&end_twin);
          }
        return;
      }
}
