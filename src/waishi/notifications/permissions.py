"""Who may use notifications: every active, signed-in person, for their own messages only."""

import rules

# Each person reads and manages only their own notifications (``querysets.visible_to``).
rules.add_perm("notifications.use_notifications", rules.is_authenticated & rules.is_active)
