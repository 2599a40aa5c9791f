import { Frame, ItemEventData, Observable, ObservableArray } from '@nativescript/core';
import { createClient, SupabaseClient } from '@supabase/supabase-js';
import { SUPABASE_URL, SUPABASE_ANON_KEY, supabase } from '../services/supabase';

interface Job {
  id: string;
  customer: string;
  address: string;
  status: string;
}

export class JobsViewModel extends Observable {
  jobs = new ObservableArray<Job>([]);
  private live: SupabaseClient;

  constructor(accessToken: string) {
    super();
    // Realtime needs the technician's JWT so RLS filters the change feed.
    this.live = createClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
      global: { headers: { Authorization: `Bearer ${accessToken}` } },
      auth: { persistSession: false, autoRefreshToken: false },
    });
    this.live.realtime.setAuth(accessToken);

    this.live
      .channel('jobs-today')
      .on('postgres_changes', { event: '*', schema: 'public', table: 'jobs' }, () => this.load())
      .subscribe();

    this.load();
  }

  async load() {
    const today = new Date().toISOString().slice(0, 10);
    const { data, error } = await supabase
      .from('jobs')
      .select('id, customer, address, status')
      .eq('scheduled_for', today)
      .order('position');
    if (error) {
      console.error('load jobs failed', error.message);
      return;
    }
    this.jobs.splice(0, this.jobs.length, ...(data as Job[]));
  }

  onJobTap(args: ItemEventData) {
    const job = this.jobs.getItem(args.index);
    Frame.topmost().navigate({ moduleName: 'jobs/job-detail-page', context: { jobId: job.id } });
  }

  openProfile() {
    Frame.topmost().navigate('profile/profile-page');
  }
}
