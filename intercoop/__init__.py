"""Intercooperation (the Strategy's goal 3.2): initiatives in charge of their own entry, the bank of
collaborations (offers and needs, matched), agreements between initiatives, and mentoring.

Depends on `directori` (the initiatives) and `sectors` (which tables a member works on); the pages of
those apps show what this app counts through Wagtail hooks (core.sections), never by importing it.
"""
